package io.tiercare.customer.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.customer.CustomerApi.as;
import static io.tiercare.customer.CustomerApi.registerIndividual;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.customer.messaging.CustomerEventPublisher;
import io.tiercare.testing.EventSchemas;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import io.tiercare.testing.TestOutbox;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.tiercare.testing.TestKafka;

/** Every event type this service emits, emitted for real and checked against its published JSON Schema. */
@QuarkusTest
class EventContractTest {

    @Inject
    DataSource dataSource;

    @Test
    void shouldPublishAnExampleThatMatchesEachSchema() {
        for (String type : CustomerEventPublisher.TYPES) {
            if (!type.equals(CustomerEventPublisher.PERSONAL_DATA_ERASED)) { // a tombstone: no data at all
                assertThat(EventSchemas.violations(type, EventSchemas.example(type))).as(type).isEmpty();
            }
        }
        assertThat(EventSchemas.violations("tiercare.customer.registered.v2", "{\"customerId\":\"x\"}"))
                .isNotEmpty();
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldEmitOnlyEventsThatMatchTheirSchemas() {
        String id = registerIndividual(Map.of("name", "契约", "birthday", "1990-01-01"));
        String duplicate = registerIndividual(Map.of("name", "契约副本"));
        String gone = registerIndividual("契约删除");
        as("ADMIN").header("If-Match", "\"0\"").body(Map.of("city", "杭州市", "tags", List.of("a"))).when()
                .patch("/api/v1/customers/" + id).then().statusCode(200);
        as("ADMIN").body(Map.of("accountManagerId", "am-1")).when()
                .put("/api/v1/customers/" + id + "/account-manager").then().statusCode(200);
        as("ADMIN").body(Map.of("doNotDisturb", true, "contactWindows", List.of(Map.of("days", List.of("SUNDAY"),
                "from", "09:30", "to", "12:00")))).when().put("/api/v1/customers/" + id + "/preferences").then()
                .statusCode(200);
        as("ADMIN").body(Map.of("granted", true, "source", "APP")).when()
                .put("/api/v1/customers/" + id + "/consents/WECHAT").then().statusCode(200);
        as("ADMIN").body(Map.of("kind", "INQUIRY", "channel", "APP")).when()
                .post("/api/v1/customers/" + id + "/inquiries").then().statusCode(201);
        Map<String, Object> order = new HashMap<>(Map.of("externalOrderId", "SO-" + UUID.randomUUID(), "amount",
                1999.9, "purchasedAt", "2026-11-01T00:00:00Z"));
        String purchase = as("ADMIN").body(order).when().post("/api/v1/customers/" + id + "/purchases").then()
                .statusCode(201).extract().path("id");
        as("ADMIN").body(Map.of("externalRefundId", "RF-" + UUID.randomUUID(), "amount", 0.9, "refundedAt",
                "2026-11-02T00:00:00Z")).when()
                .post("/api/v1/customers/" + id + "/purchases/" + purchase + "/refunds").then().statusCode(201);
        as("ADMIN").body(Map.of("duplicateId", duplicate)).when().post("/api/v1/customers/" + id + "/merges").then()
                .statusCode(200);
        as("ADMIN").when().post("/api/v1/customers/" + gone + "/erasure").then().statusCode(200);

        // every event this test JVM's service published (the broker also holds earlier runs' events)
        long since = ManagementFactory.getRuntimeMXBean().getStartTime();
        List<ConsumerRecord<String, String>> published = java.util.stream.Stream.concat(
                TestOutbox.published(dataSource, "customer.events").stream(),
                TestKafka.readAll("customer.personal-data").stream()).filter(r -> r.timestamp() >= since).toList();
        assertThat(published).extracting(r -> TestKafka.header(r, "ce_type"))
                .containsAll(CustomerEventPublisher.TYPES);
        for (ConsumerRecord<String, String> event : published) {
            String type = TestKafka.header(event, "ce_type");
            if (event.value() == null) {
                assertThat(type).isEqualTo(CustomerEventPublisher.PERSONAL_DATA_ERASED);
                continue;
            }
            assertThat(EventSchemas.violations(type, event.value())).as("%s %s", type, event.value()).isEmpty();
        }
    }

    @Test
    void shouldDescribeEveryEndpointsErrorsInTheOpenApiDocument() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("components.responses.Unauthorized.content.'application/problem+json'.schema.$ref",
                        org.hamcrest.Matchers.equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/customers'.post.responses.'401'.$ref",
                        org.hamcrest.Matchers.equalTo("#/components/responses/Unauthorized"))
                .body("paths.'/api/v1/customers/{customerId}/purchases'.post.responses.'409'.description",
                        containsString("another customer or amount"))
                .body("components.schemas.Problem.properties.violations", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void shouldServeTheAsyncApiDocumentAndTheSchemas() {
        given().when().get("/asyncapi.yaml").then().statusCode(200)
                .body(containsString("address: customer.events"))
                .body(containsString("address: customer.personal-data"))
                .body(containsString("name: tiercare.customer.purchase-recorded.v1"));
        given().when().get("/events/tiercare.customer.registered.v2.schema.json").then().statusCode(200)
                .body(containsString("\"$id\": \"urn:tiercare:schema:tiercare.customer.registered.v2\""));
    }
}
