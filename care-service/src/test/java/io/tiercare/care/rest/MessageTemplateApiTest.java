package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import jakarta.inject.Inject;

/**
 * Message templates as data: the seeded ones, a change checked whole (each unknown placeholder and syntax error
 * named), versions, and a preview that addresses the customer as 段先生 — the delivery notice of seed 001 word for
 * word.
 */
@QuarkusTest
class MessageTemplateApiTest extends OnTestDay {

    private static final String CODE = "WELCOME_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

    @Inject
    DataSource dataSource;

    @Test
    void theSeededTemplatesAreThereWithThePlaceholdersTheyUse() {
        as("ACCOUNT_MANAGER").when().get("/api/v1/message-templates").then().statusCode(200)
                .body("items.code", hasItems("DELIVERY_NOTICE_SMS", "BIRTHDAY_SMS", "BIRTHDAY_EMAIL",
                        "FESTIVAL_SMS", "FESTIVAL_EMAIL"));
        as("ANALYST").when().get("/api/v1/message-templates/DELIVERY_NOTICE_SMS").then().statusCode(200)
                .body("kind", equalTo("APPOINTMENT")).body("channel", equalTo("SMS"))
                .body("smsSignName", equalTo("66号定制家居")).body("version", equalTo(1))
                .body("placeholders", equalTo(List.of("appointment.date", "appointment.time", "company.hotline",
                        "company.name", "customer.salutation", "sender.department", "sender.name")));
        as("ANALYST").when().get("/api/v1/message-templates/NO_SUCH").then().statusCode(404);
        as("AGENT").when().get("/api/v1/message-templates").then().statusCode(403);
    }

    @Test
    void theDeliveryNoticePreviewedForACustomerIsSeed001WordForWord() {
        String customer = Customers.person(dataSource, Customers.manager("am-notice"), "段晓明", "MALE");
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "values", Map.of(
                "sender.department", "客服部", "sender.name", "小段", "appointment.date", "2018年8月15日",
                "appointment.time", "上午11点"))).when().post("/api/v1/message-templates/DELIVERY_NOTICE_SMS/preview")
                .then().statusCode(200).body("body", equalTo("尊敬的段先生:您好!我是66号定制家居客服部小段,我们将于2018年"
                        + "8月15日上午11点左右上门为您送货服务,请家里留人。由于路途中可能会遇到塞车等情况,如有延误,敬请谅解;如有疑问"
                        + "请致电13983780577,我们将竭诚为您服务,祝您生活愉快!"))
                .body("version", equalTo(1)).body("channel", equalTo("SMS"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "values",
                Map.of("gift.name", "鲜花"))).when().post("/api/v1/message-templates/DELIVERY_NOTICE_SMS/preview")
                .then().statusCode(400).body("violations[0].field", equalTo("values.gift.name"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", UUID.randomUUID().toString()))
                .when().post("/api/v1/message-templates/BIRTHDAY_SMS/preview").then().statusCode(404);
        as("ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("customerId", customer)).when()
                .post("/api/v1/message-templates/BIRTHDAY_SMS/preview").then().statusCode(403);
    }

    @Test
    void aChangeIsCheckedWholeAndStoredAsTheNextVersion() {
        Map<String, Object> broken = new HashMap<>(Map.of("kind", "WELCOME_GIFT", "channel", "SMS",
                "body", "{customer.salutation}您好,送您{gift.name}{customer.mobilePhone}{appointment.date}",
                "note", "draft"));
        as("ADMIN").contentType(ContentType.JSON).body(broken).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(List.of("body", "body", "smsSignName", "smsTemplateCode")))
                .body("violations[0].message", startsWith("unknown placeholder {appointment.date} for WELCOME_GIFT"))
                .body("violations[1].message", startsWith("unknown placeholder {customer.mobilePhone}"));
        broken.put("body", "{#if gift.name}送您{gift.name}");
        broken.put("smsSignName", "66号定制家居");
        broken.put("smsTemplateCode", "SMS_200");
        as("ADMIN").contentType(ContentType.JSON).body(broken).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(400).body("violations[0].field", equalTo("body"))
                .body("violations[0].message", startsWith("cannot be read: "));
        assertThat(TestDatabase.number(dataSource, "select count(*) from message_template where code = ?", CODE))
                .isZero();

        Map<String, Object> good = new HashMap<>(broken);
        good.put("body", "{customer.salutation}您好!恭喜您成为{tier.name},{sender.name}将为您送上{gift.name}。");
        good.put("note", "welcome on an upgrade");
        as("ANALYST").contentType(ContentType.JSON).body(good).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(403);
        as("ADMIN").contentType(ContentType.JSON).body(good).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(200).body("version", equalTo(1)).body("note", equalTo("welcome on an upgrade"));
        good.put("body", "{customer.salutation}您好!恭喜您成为{tier.name}。");
        good.put("note", "shorter");
        as("ADMIN").contentType(ContentType.JSON).body(good).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(200).body("version", equalTo(2))
                .body("placeholders", equalTo(List.of("customer.salutation", "tier.name")));
        as("SUPERVISOR").when().get("/api/v1/message-templates/" + CODE + "/versions").then().statusCode(200)
                .body("items.version", equalTo(List.of(2, 1))).body("items[1].note", equalTo("welcome on an upgrade"));
        good.put("kind", "BIRTHDAY");
        good.put("body", "{customer.salutation}您好!");
        as("ADMIN").contentType(ContentType.JSON).body(good).when().put("/api/v1/message-templates/" + CODE)
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));
    }
}
