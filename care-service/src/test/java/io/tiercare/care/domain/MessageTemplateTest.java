package io.tiercare.care.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.qute.Engine;
import io.tiercare.chassis.http.Problem.Violation;

class MessageTemplateTest {

    private static final Engine ENGINE = Engine.builder().addDefaults().build();
    static final String DELIVERY_NOTICE = "尊敬的{customer.salutation}:您好!我是{company.name}{sender.department}"
            + "{sender.name},我们将于{appointment.date}{appointment.time}左右上门为您送货服务,请家里留人。由于路途中可能会"
            + "遇到塞车等情况,如有延误,敬请谅解;如有疑问请致电{company.hotline},我们将竭诚为您服务,祝您生活愉快!";

    @Test
    void theDeliveryNoticeOfSeed001RendersWordForWord() {
        MessageTemplate notice = new MessageTemplate("DELIVERY_NOTICE_SMS", OutreachKind.APPOINTMENT,
                CareChannel.SMS, null, DELIVERY_NOTICE, "66号定制家居", "SMS_100001");
        assertThat(notice.violations(ENGINE)).isEmpty();
        String text = notice.render(ENGINE, Map.of("customer.salutation", Salutation.of("段晓明", "MALE"),
                "company.name", "66号定制家居", "sender.department", "客服部", "sender.name", "小段",
                "appointment.date", ChineseDates.date(LocalDate.of(2018, 8, 15)),
                "appointment.time", ChineseDates.time(LocalTime.of(11, 0)), "company.hotline", "13983780577"))
                .body();
        assertThat(text).isEqualTo("尊敬的段先生:您好!我是66号定制家居客服部小段,我们将于2018年8月15日上午11点左右上门为您送货服务,"
                + "请家里留人。由于路途中可能会遇到塞车等情况,如有延误,敬请谅解;如有疑问请致电13983780577,我们将竭诚为您服务,祝您生活愉快!");
    }

    @Test
    void anOfferSectionIsLeftOutForACustomerWithoutOne() {
        MessageTemplate birthday = new MessageTemplate("BIRTHDAY_EMAIL", OutreachKind.BIRTHDAY, CareChannel.EMAIL,
                "{customer.salutation},生日快乐", "亲爱的{customer.salutation}:祝您生日快乐!{#if offer}您的生日礼遇:{offer}。{/if}",
                null, null);
        assertThat(birthday.violations(ENGINE)).isEmpty();
        assertThat(birthday.render(ENGINE, Map.of("customer.salutation", "王女士", "offer", "生日当月 8 折"))
                .body()).isEqualTo("亲爱的王女士:祝您生日快乐!您的生日礼遇:生日当月 8 折。");
        MessageTemplate.Rendered without = birthday.render(ENGINE, Map.of("customer.salutation", "王女士"));
        assertThat(without.body()).isEqualTo("亲爱的王女士:祝您生日快乐!");
        assertThat(without.subject()).isEqualTo("王女士,生日快乐");
    }

    @Test
    void anUnknownPlaceholderIsNamedWithTheKnownOnes() {
        MessageTemplate template = new MessageTemplate("BIRTHDAY_SMS", OutreachKind.BIRTHDAY, CareChannel.SMS, null,
                "{customer.name}您好,{customer.salutation}{appointment.date}", "六六家居", "SMS_1");
        assertThat(template.violations(ENGINE)).extracting(Violation::message).containsExactly(
                "unknown placeholder {appointment.date} for BIRTHDAY; known: company.hotline, company.name, "
                        + "customer.familyName, customer.salutation, offer",
                "unknown placeholder {customer.name} for BIRTHDAY; known: company.hotline, company.name, "
                        + "customer.familyName, customer.salutation, offer");
    }

    @Test
    void aSyntaxErrorIsNamedWithItsField() {
        MessageTemplate template = new MessageTemplate("BROKEN", OutreachKind.CARE_OFFER, CareChannel.WECHAT, null,
                "{#if offer}您的礼遇:{offer}", null, null);
        assertThat(template.violations(ENGINE)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("body");
            assertThat(v.message()).startsWith("cannot be read: ").contains("if");
        });
    }

    @Test
    void anSmsNeedsTheProvidersSignatureAndTemplateCodeAndAnEmailItsSubject() {
        assertThat(new MessageTemplate("X_SMS", OutreachKind.CARE_OFFER, CareChannel.SMS, "subject", "{offer}", null,
                "bad code!").violations(ENGINE)).extracting(Violation::field)
                .containsExactly("subject", "smsSignName", "smsTemplateCode");
        assertThat(new MessageTemplate("X_EMAIL", OutreachKind.CARE_OFFER, CareChannel.EMAIL, " ", "{offer}",
                "六六家居", null).violations(ENGINE)).extracting(Violation::field)
                .containsExactly("subject", "smsSignName");
        assertThat(new MessageTemplate("x", null, CareChannel.PHONE, null, "", null, null).violations(ENGINE))
                .extracting(Violation::field).containsExactly("code", "kind", "channel", "body");
    }

    @Test
    void anSmsSendsTheValuesOfThePlaceholdersItUses() {
        MessageTemplate notice = new MessageTemplate("DELIVERY_NOTICE_SMS", OutreachKind.APPOINTMENT,
                CareChannel.SMS, null, DELIVERY_NOTICE, "66号定制家居", "SMS_100001");
        assertThat(notice.placeholders(ENGINE)).containsExactly("appointment.date", "appointment.time",
                "company.hotline", "company.name", "customer.salutation", "sender.department", "sender.name");
    }
}
