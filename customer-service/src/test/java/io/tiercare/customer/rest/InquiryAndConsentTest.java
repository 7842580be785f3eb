package io.tiercare.customer.rest;

import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestKafka;
import javax.sql.DataSource;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

@QuarkusTest
class InquiryAndConsentTest {

    @Test
    void shouldRecordInquiriesAndFeedbackAndPublishThemWithoutTheText() {
        String customer = registerIndividual("咨询客户");
        as("AGENT").body(Map.of("kind", "INQUIRY", "channel", "HOTLINE", "topic", "空调能效",
                "content", "询问能效等级", "occurredAt", "2026-11-19T01:00:00Z"))
                .when().post("/api/v1/customers/" + customer + "/inquiries").then().statusCode(201)
                .body("kind", equalTo("INQUIRY")).body("recordedBy", equalTo("test-agent"));
        as("AGENT").body(Map.of("kind", "FEEDBACK", "content", "安装师傅很专业"))
                .when().post("/api/v1/customers/" + customer + "/inquiries").then().statusCode(201);
        as("AGENT").body(Map.of("kind", "COMPLAINT")).when().post("/api/v1/customers/" + customer + "/inquiries")
                .then().statusCode(400).body("violations[0].field", equalTo("kind"));

        as("AGENT").when().get("/api/v1/customers/" + customer + "/inquiries").then().statusCode(200)
                .body("items.kind", contains("FEEDBACK", "INQUIRY")).body("items[1].content", equalTo("询问能效等级"));
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/inquiries").then()
                .body("items[1].content", nullValue()).body("items[1].topic", nullValue());

        ConsumerRecord<String, String> event = TestKafka.awaitRecord("customer.events",
                r -> customer.equals(r.key()) && r.value().contains("\"kind\":\"INQUIRY\""), Duration.ofSeconds(20));
        // a person's words, topic and text alike, stay in customer-service
        assertThat(event.value()).doesNotContain("询问能效等级").doesNotContain("空调能效");
        assertThat(EventSchemas.violations("tiercare.customer.inquiry-recorded.v1", event.value())).isEmpty();
    }

    @Test
    void shouldKeepConsentAsHistoryAndPublishOnlyChanges() {
        String customer = registerIndividual("同意客户");
        String path = "/api/v1/customers/" + customer + "/consents/";
        as("AGENT").body(Map.of("granted", true, "source", "STORE_FORM", "changedAt", "2026-11-01T02:00:00Z"))
                .when().put(path + "SMS").then().statusCode(200)
                .body("current", hasSize(1)).body("current[0].channel", equalTo("SMS"))
                .body("current[0].granted", equalTo(true));
        as("AGENT").body(Map.of("granted", true, "source", "STORE_FORM")).when().put(path + "SMS").then()
                .statusCode(200).body("history", hasSize(1));
        as("INTEGRATION").body(Map.of("granted", false, "source", "SMS_REPLY_TD", "changedAt", "2026-11-10T02:00:00Z"))
                .when().put(path + "SMS").then().statusCode(200)
                .body("current[0].granted", equalTo(false)).body("current[0].source", equalTo("SMS_REPLY_TD"))
                .body("history", hasSize(2)).body("history[1].granted", equalTo(true));
        as("AGENT").body(Map.of("granted", true, "source", "x")).when().put(path + "CARRIER_PIGEON").then()
                .statusCode(400).body("violations[0].field", equalTo("channel"));
        as("AGENT").body(Map.of("granted", true)).when().put(path + "EMAIL").then().statusCode(400)
                .body("violations[0].field", equalTo("source"));

        // two changes written and published; the repeat wrote nothing
        assertThat(consentEventsWritten(customer)).isEqualTo(2);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> consentEvents(customer).size() == 2);
        assertThat(consentEvents(customer)).allSatisfy(r -> assertThat(
                EventSchemas.violations("tiercare.customer.consent-changed.v1", r.value())).isEmpty());
    }

    private static java.util.List<ConsumerRecord<String, String>> consentEvents(String customer) {
        return TestKafka.readAll("customer.events").stream().filter(r -> customer.equals(r.key())
                && "tiercare.customer.consent-changed.v1".equals(TestKafka.header(r, "ce_type"))).toList();
    }

    @Inject
    DataSource dataSource;

    private long consentEventsWritten(String customer) {
        return TestOutbox.published(dataSource, "customer.events",
                "tiercare.customer.consent-changed.v1").stream().filter(r -> customer.equals(r.key())).count();
    }
}
