package io.tiercare.complaint.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * complaint.events is a contract (tiering and care read it): every event emitted must match its schema, the working
 * calendar's changes included.
 */
@QuarkusTest
class ComplaintEventContractTest {

    /** The complaint types (the first eight emitted by one lifecycle), then the working calendar's. */
    private static final List<String> TYPES = Stream.concat(Stream.of("filed", "acknowledged", "plan-proposed",
            "waiting", "resumed", "resolved", "closed", "reopened", "sla-at-risk", "sla-breached", "escalated", "rated")
            .map(t -> "tiercare.complaint." + t + ".v1"), Stream.of("tiercare.calendar.day-changed.v1")).toList();

    @Inject
    DataSource dataSource;

    @Test
    void everyTypeHasAnExampleThatMatchesItsSchema() {
        for (String type : TYPES) {
            assertThat(EventSchemas.violations(type, EventSchemas.example(type))).as(type).isEmpty();
        }
        assertThat(EventSchemas.violations("tiercare.complaint.filed.v1", """
                {"complaintId":"x","customerId":"y","severity":"APOCALYPTIC"}""")).isNotEmpty();
    }

    @Test
    void everyEventEmittedMatchesItsSchema() {
        String customer = Customers.registered(dataSource);
        String id = as("AGENT").contentType(ContentType.JSON).body("""
                {"customerId":"%s","channel":"WECHAT","category":"DELIVERY.LATE","severity":"HIGH","title":"迟到"}"""
                .formatted(customer)).when().post("/api/v1/complaints").then().statusCode(201).extract().path("id");
        for (String action : List.of("acknowledge", "wait", "resume", "plan", "resolve", "close", "reopen")) {
            as("AGENT").contentType(ContentType.JSON).body("{}").when()
                    .post("/api/v1/complaints/" + id + "/" + action).then().statusCode(200);
        }

        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<ConsumerRecord<String, String>> published = TestOutbox.published(dataSource, "complaint.events")
                .stream().filter(r -> r.timestamp() >= since).toList();
        assertThat(published).extracting(r -> TestKafka.header(r, "ce_type"))
                .containsAll(TYPES.subList(0, 8)).allMatch(TYPES::contains);
        EventSchemas.assertConform(published, "/tiercare/complaint-service");
    }

    @Test
    void theAsyncApiDocumentAndTheSchemasAreServed() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: complaint.events"))
                .body(containsString("name: tiercare.complaint.plan-proposed.v1"))
                .body(containsString("only additive changes"));
        given().when().get("/events/tiercare.complaint.filed.v1.schema.json").then().statusCode(200)
                .body(containsString("\"$id\": \"urn:tiercare:schema:tiercare.complaint.filed.v1\""));
    }
}
