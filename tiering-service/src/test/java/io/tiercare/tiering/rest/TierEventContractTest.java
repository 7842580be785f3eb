package io.tiercare.tiering.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/** tier.events is the public contract: every event this service emits must match its published schema. */
@QuarkusTest
class TierEventContractTest {

    private static final List<String> TYPES = List.of("tiercare.tier.changed.v1", "tiercare.lifecycle.changed.v1",
            "tiercare.tier.downgrade-warning.v1", "tiercare.tier.appeal.decided.v1",
            "tiercare.tier.customer-erased.v1");

    @Inject
    DataSource dataSource;

    @Test
    void shouldPublishAnExampleThatMatchesEachSchema() {
        for (String type : TYPES) {
            assertThat(EventSchemas.violations(type, EventSchemas.example(type))).as(type).isEmpty();
        }
        assertThat(EventSchemas.violations("tiercare.tier.changed.v1", """
                {"customerId":"x","scheme":"VALUE","toTier":"CORE","direction":"SIDEWAYS"}""")).isNotEmpty();
    }

    @Test
    void shouldEmitOnlyEventsThatMatchTheirSchemas() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2026-01-10T02:00:00Z");
        purchase(customer, UUID.randomUUID(), "150000.00", "2026-10-01T02:00:00Z");
        awaitTierEvent(customer, "tiercare.tier.changed.v1", "\"toTier\":\"CORE\"");
        awaitTierEvent(customer, "tiercare.lifecycle.changed.v1");

        // everything this test JVM's service published (the broker also holds earlier runs' events)
        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<ConsumerRecord<String, String>> published = TestOutbox.published(dataSource, "tier.events").stream()
                .filter(r -> r.timestamp() >= since).toList();
        assertThat(published).extracting(r -> TestKafka.header(r, "ce_type"))
                .contains("tiercare.tier.changed.v1", "tiercare.lifecycle.changed.v1").allMatch(TYPES::contains);
        EventSchemas.assertConform(published, "/tiercare/tiering-service");
    }

    @Test
    void shouldShareBulkJobChunksAsMessagesThatMatchTheirSchema() {
        String chunkType = "tiercare.tiering.evaluation-chunk.v1";
        assertThat(EventSchemas.violations(chunkType, EventSchemas.example(chunkType))).isEmpty();
        String job = as("ADMIN").contentType("application/json").body("{\"reason\":\"contract\"}").when()
                .post("/api/v1/tier-evaluations").then().statusCode(202).extract().path("id");
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> as("ANALYST")
                .when().get("/api/v1/tier-evaluations/" + job).then()
                .body("status", org.hamcrest.Matchers.equalTo("COMPLETED")));

        List<ConsumerRecord<String, String>> chunks = TestKafka.readAll("tiering.evaluation-chunks").stream()
                .filter(r -> r.key().startsWith(job + "/")).toList();
        assertThat(chunks).isNotEmpty();
        for (ConsumerRecord<String, String> chunk : chunks) {
            assertThat(TestKafka.header(chunk, "ce_type")).isEqualTo(chunkType);
            assertThat(EventSchemas.violations(chunkType, chunk.value())).as(chunk.value()).isEmpty();
        }
    }

    @Test
    void shouldServeTheAsyncApiDocumentAndTheSchemas() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: tier.events"))
                .body(containsString("name: tiercare.tier.downgrade-warning.v1"))
                .body(containsString("only additive changes"))
                .body(containsString("address: tiering.evaluation-chunks"));
        given().when().get("/events/tiercare.tier.changed.v1.schema.json").then().statusCode(200)
                .body(containsString("\"$id\": \"urn:tiercare:schema:tiercare.tier.changed.v1\""));
    }
}
