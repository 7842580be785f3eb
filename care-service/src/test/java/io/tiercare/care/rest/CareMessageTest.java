package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.support.Customers;
import io.tiercare.care.support.Messages;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestMail;
import io.tiercare.testing.TestMail.Mail;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * Messages end to end: placed once per occasion, decided by the contact rules (consent, quiet hours, the monthly
 * budget), rendered from their template and delivered by email to a real SMTP server; suppressed and failed ones
 * say why; every outcome is an event; masked roles and other managers see what they may.
 */
@QuarkusTest
class CareMessageTest extends OnTestDay {

    private static final String MANAGER = Customers.manager("am-mail");
    private static final Map<String, String> APPOINTMENT = Map.of("sender.department", "客服部", "sender.name", "小段",
            "appointment.date", "2026年11月25日", "appointment.time", "上午10点");

    @Inject
    DataSource dataSource;

    @Test
    void aBirthdayGreetingWithConsentIsRenderedAndMailedOnceWithItsEvent() {
        String email = mailbox("wang");
        String customer = Customers.reachable(dataSource, MANAGER, "王芳", "FEMALE", "+8613700000001", email);
        Customers.consent(dataSource, customer, "EMAIL", true, "2026-11-20T00:00:00Z");
        String id = place(customer, "BIRTHDAY_EMAIL", "BIRTHDAY:2026", Map.of("offer", "生日当月 8 折"));
        JsonPath sent = Messages.awaitStatus(id, "SENT");
        assertThat(sent.getInt("templateVersion")).isEqualTo(1);
        assertThat(sent.getString("recipient")).isEqualTo(email);

        Mail mail = TestMail.await(m -> m.rcptTos().contains(email), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("王女士,生日快乐!");
        assertThat(mail.text().replace("\r\n", "\n").strip()).isEqualTo("""
                亲爱的王女士:

                66号定制家居祝您生日快乐,万事如意!

                您的生日礼遇:生日当月 8 折。

                如有任何需要,欢迎致电 13983780577。""");
        assertThat(mail.from()).isEqualTo("care@tiercare.local");

        // the same occasion again: the same message, nothing sent twice
        assertThat(place(customer, "BIRTHDAY_EMAIL", "BIRTHDAY:2026", Map.of())).isEqualTo(id);
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.message-sent.v1"))
                .filteredOn(r -> r.value().contains(id)).singleElement().satisfies(r -> {
                    JsonPath event = JsonPath.from(r.value());
                    assertThat(r.key()).isEqualTo(customer);
                    assertThat(event.getString("occasion")).isEqualTo("BIRTHDAY:2026");
                    assertThat(event.getString("kind")).isEqualTo("BIRTHDAY");
                    assertThat(event.getString("channel")).isEqualTo("EMAIL");
                    assertThat(r.value()).doesNotContain(email).doesNotContain("王");
                });
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void marketingWithoutConsentIsSuppressedWithTheRuleAndAnEvent() {
        String email = mailbox("noconsent");
        String customer = Customers.reachable(dataSource, MANAGER, "李四", "MALE", "+8613700000002", email);
        String id = place(customer, "FESTIVAL_EMAIL", "FESTIVAL:WINTER:2026", Map.of("festival.name", "冬至"));
        JsonPath suppressed = Messages.awaitStatus(id, "SUPPRESSED");
        assertThat(suppressed.getString("rule")).isEqualTo("consent: no marketing consent for EMAIL");
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.message-suppressed.v1"))
                .filteredOn(r -> r.value().contains(id)).singleElement()
                .satisfies(r -> assertThat(JsonPath.from(r.value()).getString("rule"))
                        .isEqualTo("consent: no marketing consent for EMAIL"));
        assertThat(TestMail.to(email)).isEmpty();
    }

    @Test
    void duringQuietHoursANoticeWaitsForTheMorningAndAWithdrawnConsentStopsAGreetingNotYetSent() {
        String email = mailbox("night");
        String customer = Customers.reachable(dataSource, MANAGER, "段晓明", "MALE", "+8613700000003", email);
        Customers.consent(dataSource, customer, "EMAIL", true, "2026-11-20T00:00:00Z");
        clock.set(Instant.parse("2026-11-22T14:30:00Z")); // 22:30 in Shanghai
        String notice = place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:order-1", APPOINTMENT);
        String greeting = place(customer, "FESTIVAL_EMAIL", "FESTIVAL:WINTER:2026", Map.of("festival.name", "冬至"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath waiting = Messages.get(notice);
            assertThat(waiting.getString("rule")).isEqualTo("quiet-hours: 21:00–09:00");
            assertThat(waiting.getString("sendAfter")).isEqualTo("2026-11-23T01:00:00Z"); // 09:00 in Shanghai
            assertThat(Messages.get(greeting).getString("rule")).isEqualTo("quiet-hours: 21:00–09:00");
        });
        assertThat(Messages.get(notice).getString("status")).isEqualTo("PENDING");
        Customers.consent(dataSource, customer, "EMAIL", false, "2026-11-22T14:40:00Z");

        clock.set(Instant.parse("2026-11-23T01:00:00Z"));
        Messages.awaitStatus(notice, "SENT");
        assertThat(Messages.awaitStatus(greeting, "SUPPRESSED").getString("rule"))
                .isEqualTo("consent: no marketing consent for EMAIL");
        Mail mail = TestMail.await(m -> m.rcptTos().contains(email), Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("66号定制家居送货时间确认:2026年11月25日上午10点");
        assertThat(mail.text()).startsWith("尊敬的段先生:您好!我是66号定制家居客服部小段,我们将于2026年11月25日上午10点左右");
        assertThat(TestMail.to(email)).hasSize(1);
    }

    @Test
    void theMonthlyBudgetHoldsBackTheFifthContact() {
        String email = mailbox("budget");
        String customer = Customers.reachable(dataSource, MANAGER, "赵六", "MALE", "+8613700000004", email);
        for (int i = 1; i <= 4; i++) {
            Messages.awaitStatus(place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:budget-" + i, APPOINTMENT),
                    "SENT");
        }
        String fifth = place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:budget-5", APPOINTMENT);
        assertThat(Messages.awaitStatus(fifth, "SUPPRESSED").getString("rule"))
                .isEqualTo("budget: 4 contacts in 2026-11 already, at most 4");
        assertThat(TestMail.to(email)).hasSize(4);
    }

    @Test
    void complaintNoticesCountAgainstTheBudgetButAreNeverHeldBackByIt() {
        String email = mailbox("complaint");
        String customer = Customers.reachable(dataSource, MANAGER, "钱五", "MALE", "+8613700000008", email);
        for (int i = 1; i <= 3; i++) {
            Messages.awaitStatus(place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:complaint-" + i, APPOINTMENT),
                    "SENT");
        }
        String complaint = UUID.randomUUID().toString();
        String reference = complaint.substring(28).toUpperCase(java.util.Locale.ROOT);
        TestKafka.sendEvent("complaint.events", complaint, "tiercare.complaint.acknowledged.v1",
                "/tiercare/complaint-service", """
                        {"complaintId":"%s","customerId":"%s","category":"AFTER_SALES.REPAIR_DELAY",
                         "severity":"MEDIUM","at":"2026-11-22T07:10:00Z","acknowledgedAt":"2026-11-22T07:10:00Z",
                         "by":"agent-wang","status":"ACKNOWLEDGED","pausedSeconds":0,
                         "deadlines":{"acknowledgeBy":"2026-11-22T08:00:00Z","planBy":"2026-11-23T07:00:00Z",
                                      "resolveBy":"2026-11-24T09:40:00Z"}}""".formatted(complaint, customer));
        JsonPath received = Messages.awaitStatus(awaitMessage(customer, "COMPLAINT_RECEIVED:" + complaint), "SENT");
        assertThat(received.getString("kind")).isEqualTo("COMPLAINT_RECEIVED");
        assertThat(received.getString("channel")).isEqualTo("EMAIL");
        Mail mail = TestMail.await(m -> m.rcptTos().contains(email) && m.subject().contains(reference),
                Duration.ofSeconds(20));
        assertThat(mail.subject()).isEqualTo("66号定制家居已受理您的投诉(" + reference + ")");
        assertThat(mail.text().replace("\r\n", "\n").strip()).isEqualTo("""
                尊敬的钱先生:

                您的投诉(编号%s)我们已受理,专人正在处理,将于2026年11月24日下午5点40分前给您答复。

                如有疑问请致电 13983780577,我们将竭诚为您服务。""".formatted(reference));

        // the notice was the fourth contact of the month: the fifth appointment notice is held back by the budget
        String fifth = place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:complaint-5", APPOINTMENT);
        assertThat(Messages.awaitStatus(fifth, "SUPPRESSED").getString("rule"))
                .isEqualTo("budget: 4 contacts in 2026-11 already, at most 4");
        // a complaint acknowledged days ago (a replay, say) tells nobody anything now; sent on the same partition,
        // before the resolution below
        String settled = UUID.randomUUID().toString();
        TestKafka.sendEvent("complaint.events", complaint, "tiercare.complaint.acknowledged.v1",
                "/tiercare/complaint-service", """
                        {"complaintId":"%s","customerId":"%s","acknowledgedAt":"2026-11-19T07:10:00Z",
                         "deadlines":{"resolveBy":"2026-11-21T07:10:00Z"}}""".formatted(settled, customer));
        // but the complaint's own communication still goes out, once however often its event arrives
        for (int i = 0; i < 2; i++) {
            TestKafka.sendEvent("complaint.events", complaint, "tiercare.complaint.resolved.v1",
                    "/tiercare/complaint-service", """
                            {"complaintId":"%s","customerId":"%s","resolvedAt":"2026-11-22T07:40:00Z"}"""
                            .formatted(complaint, customer));
        }
        Messages.awaitStatus(awaitMessage(customer, "COMPLAINT_RESOLVED:" + complaint + ":2026-11-22T07:40:00Z"),
                "SENT");
        assertThat(TestMail.to(email)).hasSize(5);
        assertThat(as("SUPERVISOR").when().get("/api/v1/care-messages?size=50&customerId=" + customer).then()
                .extract().jsonPath().getList("items.occasion", String.class))
                .noneMatch(occasion -> occasion.contains(settled));
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.message-sent.v1"))
                .filteredOn(r -> r.key().equals(customer) && r.value().contains("COMPLAINT_RESOLVED")).hasSize(1);
    }

    private static String awaitMessage(String customer, String occasion) {
        return Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> as("SUPERVISOR").when()
                .get("/api/v1/care-messages?size=50&customerId=" + customer).then().statusCode(200).extract()
                .jsonPath().<String>getList("items.findAll { it.occasion == '" + occasion + "' }.id"),
                ids -> ids.size() == 1).get(0);
    }

    @Test
    void anSmsWithoutAProviderFailsAndSaysWhy() {
        String customer = Customers.reachable(dataSource, MANAGER, "孙七", "FEMALE", "+8613700000005",
                mailbox("sms"));
        String id = place(customer, "DELIVERY_NOTICE_SMS", "APPOINTMENT:sms-1", APPOINTMENT);
        JsonPath failed = Messages.awaitStatus(id, "FAILED");
        assertThat(failed.getString("error")).isEqualTo("no provider is configured for SMS");
        assertThat(failed.getInt("attempts")).isEqualTo(1);
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.message-failed.v1"))
                .filteredOn(r -> r.value().contains(id)).hasSize(1);
    }

    @Test
    void maskedRolesSeeNoTextAndOtherManagersNothingAtAll() {
        String email = mailbox("mask");
        String customer = Customers.reachable(dataSource, MANAGER, "周八", "MALE", "+8613700000006", email);
        String id = place(customer, "DELIVERY_NOTICE_EMAIL", "APPOINTMENT:mask-1", APPOINTMENT);
        Messages.awaitStatus(id, "SENT");
        as("ANALYST").when().get("/api/v1/care-messages/" + id).then().statusCode(200)
                .body("body", nullValue()).body("subject", nullValue())
                .body("recipient", equalTo(email.charAt(0) + "***" + email.substring(email.indexOf('@'))));
        asUser(MANAGER, "ACCOUNT_MANAGER").when().get("/api/v1/care-messages/" + id).then().statusCode(200)
                .body("body", org.hamcrest.Matchers.startsWith("尊敬的周先生"));
        asUser(Customers.manager("am-other"), "ACCOUNT_MANAGER").when().get("/api/v1/care-messages/" + id).then()
                .statusCode(404);
        asUser(Customers.manager("am-other"), "ACCOUNT_MANAGER").when().get("/api/v1/care-messages?customerId="
                + customer).then().statusCode(404);
        as("SUPERVISOR").when().get("/api/v1/care-messages?customerId=" + customer).then().statusCode(200)
                .body("items.id", equalTo(java.util.List.of(id))).body("totalItems", equalTo(1));
        // the manager's and the supervisor's unmasked reads are audited, the analyst's masked one is not
        assertThat(io.tiercare.testing.TestDatabase.text(dataSource, "select (count(*) filter (where actor = '"
                + MANAGER + "' and action = 'READ'))::text || ',' || (count(*) filter (where actor = "
                + "'test-supervisor' and action = 'LIST'))::text || ',' || (count(*) filter (where actor like "
                + "'%analyst%'))::text from personal_data_read where customer_id = ?::uuid", customer))
                .isEqualTo("1,1,0");
    }

    @Test
    void badRequestsNameTheField() {
        String customer = Customers.reachable(dataSource, MANAGER, "吴九", "MALE", "+8613700000007", mailbox("bad"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                "NO_SUCH", "occasion", "x")).when().post("/api/v1/care-messages").then().statusCode(400)
                .body("violations[0].field", equalTo("templateCode"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                "DELIVERY_NOTICE_EMAIL", "occasion", "x", "values", Map.of("customer.salutation", "某某")))
                .when().post("/api/v1/care-messages").then().statusCode(400)
                .body("violations[0].field", equalTo("values.customer.salutation"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                "DELIVERY_NOTICE_EMAIL", "occasion", "a b")).when().post("/api/v1/care-messages").then()
                .statusCode(400);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", UUID.randomUUID().toString(),
                "templateCode", "DELIVERY_NOTICE_EMAIL", "occasion", "x")).when().post("/api/v1/care-messages")
                .then().statusCode(404);
        as("SUPERVISOR").when().get("/api/v1/care-messages").then().statusCode(400)
                .body("violations[0].field", equalTo("customerId"));
        as("ANALYST").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                "DELIVERY_NOTICE_EMAIL", "occasion", "x")).when().post("/api/v1/care-messages").then()
                .statusCode(403);
    }

    private static String mailbox(String name) {
        return name + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    private String place(String customer, String template, String occasion, Map<String, String> values) {
        return as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("customerId", customer, "templateCode",
                template, "occasion", occasion, "values", values)).when().post("/api/v1/care-messages").then()
                .statusCode(202).extract().path("id");
    }
}
