package io.tiercare.care.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.care.service.OverdueWatch;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.ProducerExamples;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * care.events is a contract: every type has a schema and an example, and every event emitted matches its schema.
 * And care-service reads what customer-service and tiering-service publish: their own examples, through Kafka.
 */
@QuarkusTest
class CareEventContractTest extends OnTestDay {

    private static final String AM_CONTRACT_1 = Customers.manager("am-contract-1");
    private static final String AM_CONTRACT_2 = Customers.manager("am-contract-2");

    static final List<String> TYPES = Stream.concat(Stream.of("scheduled", "started", "completed", "skipped",
            "rescheduled", "reassigned", "overdue", "escalated", "cancelled", "missed").map(c -> "task-" + c),
            Stream.of("plan-changed", "message-sent", "message-suppressed", "message-failed"))
            .map(t -> "tiercare.care." + t + ".v1").toList();

    @Inject
    DataSource dataSource;
    @Inject
    OverdueWatch watch;

    @Test
    void everyTypeHasAnExampleThatMatchesItsSchema() {
        for (String type : TYPES) {
            assertThat(EventSchemas.violations(type, EventSchemas.example(type))).as(type).isEmpty();
        }
        assertThat(EventSchemas.violations("tiercare.care.task-completed.v1", """
                {"taskId":"x","outcome":"MAYBE"}""")).isNotEmpty();
    }

    @Test
    void everyEventEmittedMatchesItsSchema() {
        String customer = Customers.registered(dataSource, AM_CONTRACT_1);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_GIFT", 1);
        String visit = task(customer, "CORE_VISIT");
        String gift = task(customer, "CORE_GIFT");
        asUser(AM_CONTRACT_1, "ACCOUNT_MANAGER").when().post("/api/v1/care-tasks/" + visit + "/start").then()
                .statusCode(200);
        asUser(AM_CONTRACT_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "NO_ANSWER", "followUpOn", "2026-11-25")).when()
                .post("/api/v1/care-tasks/" + visit + "/complete").then().statusCode(200);
        String followUp = TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid "
                + "and item_code = 'CORE_VISIT' and attempt = 2", customer);
        asUser(AM_CONTRACT_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("dueOn", "2026-11-27", "reason", "客户要求")).when()
                .post("/api/v1/care-tasks/" + followUp + "/reschedule").then().statusCode(200);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("assignee", AM_CONTRACT_2)).when()
                .post("/api/v1/care-tasks/" + followUp + "/reassign").then().statusCode(200);
        asUser(AM_CONTRACT_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("reason", "改期"))
                .when().post("/api/v1/care-tasks/" + gift + "/skip").then().statusCode(200);
        clock.set(Instant.parse("2026-12-08T01:00:00Z")); // the follow-up, due 27 November, is overdue and escalated
        watch.sweep();
        clock.set(Instant.parse("2026-12-22T01:00:00Z")); // its period ends: missed, the next month opens
        watch.sweep();
        Customers.tier(dataSource, customer, "CORE", "IMPORTANT", "2026-11-22T07:30:00Z"); // cancels the new one

        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<ConsumerRecord<String, String>> published = TestOutbox.published(dataSource, "care.events").stream()
                .filter(r -> r.timestamp() >= since).toList();
        assertThat(published).extracting(r -> TestKafka.header(r, "ce_type"))
                .containsAll(TYPES.subList(0, 10)).allMatch(TYPES::contains);
        EventSchemas.assertConform(published, "/tiercare/care-service");
    }

    @Test
    void theProducersOwnExamplesAreUnderstood() {
        ProducerExamples examples = new ProducerExamples();
        String customer = examples.id("0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10");
        for (String type : List.of("registered.v2", "preferences-changed.v1", "consent-changed.v1", "updated.v2")) {
            TestKafka.sendEvent("customer.events", customer, "tiercare.customer." + type,
                    "/tiercare/customer-service", examples.example("customer-service", "tiercare.customer." + type));
        }
        TestKafka.sendEvent(Customers.PERSONAL_DATA, customer, "tiercare.customer.personal-data.v1",
                "/tiercare/customer-service", examples.example("customer-service",
                        "tiercare.customer.personal-data.v1"));
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and "
                + "consents->>'SMS' is not null and contact_windows::text like '%SATURDAY%' and birthday is not null",
                customer);
        TestKafka.sendEvent("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service",
                examples.example("tiering-service", "tiercare.tier.changed.v1"));
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        // complaint-service's acknowledgement: the customer is told, with the deadline its example names
        TestKafka.sendEvent("complaint.events", customer, "tiercare.complaint.acknowledged.v1",
                "/tiercare/complaint-service", examples.example("complaint-service",
                        "tiercare.complaint.acknowledged.v1").replace(examples.id(
                                "0190f3a0-1111-7abc-8def-0123456789ab"), customer));
        Customers.await(dataSource, "select count(*) from care_message where customer_id = ?::uuid and kind = "
                + "'COMPLAINT_RECEIVED' and placeholder_values->>'complaint.resolveBy' = '2026年11月24日下午4点'",
                customer);
        assertThat(TestDatabase.text(dataSource, "select account_manager_id || ' ' || preferred_channel || ' ' || "
                + "birthday || ' ' || (consents->>'SMS') from care_customer where customer_id = ?::uuid", customer))
                .isEqualTo("am-zhao WECHAT 1988-05-20 false");
        assertThat(TestDatabase.text(dataSource, "select name || ' ' || gender || ' ' || mobile_phone || ' ' || email "
                + "from care_contact_point where customer_id = ?::uuid", customer))
                .isEqualTo("段晓明 MALE +8613812341234 duan.xiaoming@example.com");
        // the example's customer prefers weekends: the visit is due on one
        assertThat(TestDatabase.text(dataSource, "select to_char(due_on, 'Dy') from care_task where customer_id = "
                + "?::uuid and item_code = 'CORE_VISIT'", customer)).isIn("Sat", "Sun");

        String merged = examples.id("5d1c4a07-2f43-4c3e-9f55-0a8f4e2c7b19");
        TestKafka.sendEvent("customer.events", merged, "tiercare.customer.registered.v2",
                "/tiercare/customer-service", examples.example("customer-service", "tiercare.customer.registered.v2")
                        .replace(customer, merged));
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.merged.v1", "/tiercare/customer-service",
                examples.example("customer-service", "tiercare.customer.merged.v1"));
        Customers.await(dataSource, "select count(*) from care_customer where customer_id = ?::uuid and "
                + "merged_into is not null", merged);
        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.erased.v1", "/tiercare/customer-service",
                examples.example("customer-service", "tiercare.customer.erased.v1"));
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 0);
    }

    @Test
    void theAsyncApiDocumentAndTheSchemasAreServed() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: care.events"))
                .body(containsString("name: tiercare.care.task-scheduled.v1"));
        given().when().get("/events/tiercare.care.task-completed.v1.schema.json").then().statusCode(200)
                .body(containsString("\"$id\": \"urn:tiercare:schema:tiercare.care.task-completed.v1\""));
    }

    private String task(String customer, String item) {
        return TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid and "
                + "item_code = ?", customer, item);
    }
}
