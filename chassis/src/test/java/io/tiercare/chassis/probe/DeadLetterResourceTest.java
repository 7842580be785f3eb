package io.tiercare.chassis.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.eclipse.microprofile.health.Readiness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.chassis.deadletter.DeadLetterHealthCheck;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestTokens;
import jakarta.inject.Inject;

@QuarkusTest
class DeadLetterResourceTest {

    private static final String DLQ = "chassis-probe.dlq";
    private static final String PATH = "/api/v1/dead-letters/chassis-probe";

    @Inject
    ProbeService service;

    @Inject
    @Readiness
    DeadLetterHealthCheck health;

    @AfterEach
    void unblock() {
        ProbeConsumer.blocked = false;
    }

    @Test
    void shouldListADeadLetterAndReDriveItOnceTheCauseIsFixedApplyingItOnce() {
        ProbeConsumer.blocked = true;
        String text = ProbeConsumer.BLOCKABLE + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(event(eventId, text));
        ConsumerRecord<String, String> dead = TestKafka.awaitRecord(DLQ,
                r -> eventId.equals(TestKafka.header(r, "ce_id")), Duration.ofSeconds(30));
        ProbeConsumer.blocked = false; // the cause is fixed

        JsonPath listed = admin().queryParam("limit", 1000).when().get(PATH).then().statusCode(200)
                .body("topic", equalTo(DLQ)).body("total", greaterThanOrEqualTo(1)).extract().jsonPath();
        Map<String, Object> letter = listed.getMap("items.find { it.eventId == '" + eventId + "' }");
        assertThat(letter).containsEntry("partition", dead.partition())
                .containsEntry("eventType", ProbeService.NOTED)
                .containsEntry("reason", "blocked: " + text)
                .containsEntry("originTopic", ProbeService.TOPIC)
                .containsEntry("redrivenAt", null)
                .doesNotContainKey("data");
        assertThat(((Number) letter.get("offset")).longValue()).isEqualTo(dead.offset());
        assertThat(letter.get("originOffset")).isNotNull();

        Map<String, Object> position = Map.of("partition", dead.partition(), "offset", dead.offset());
        admin().contentType(ContentType.JSON).body(Map.of("records", List.of(position)))
                .when().post(PATH + "/redrive").then().statusCode(200)
                .body("items[0].outcome", equalTo("REDRIVEN"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> service.effects(text) == 1);

        admin().contentType(ContentType.JSON).body(Map.of("records", List.of(position, Map.of("partition",
                dead.partition(), "offset", Long.MAX_VALUE / 2))))
                .when().post(PATH + "/redrive").then().statusCode(200)
                .body("items[0].outcome", equalTo("ALREADY_REDRIVEN"))
                .body("items[1].outcome", equalTo("NOT_FOUND"));
        admin().when().get(PATH).then().statusCode(200)
                .body("items.find { it.eventId == '" + eventId + "' }.redrivenAt", org.hamcrest.Matchers.notNullValue());
        assertThat(service.effects(text)).isEqualTo(1);

        health.refresh();
        given().when().get("/q/health/ready").then()
                .body("checks.find { it.name == 'dead-letters' }.data.count", greaterThanOrEqualTo(1));
    }

    @Test
    void shouldKeepDeadLettersToAdminsOfThisServiceAndRefuseMalformedRequests() {
        given().when().get(PATH).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.SUPERVISOR)).when().get(PATH).then().statusCode(403);
        given().auth().oauth2(TestTokens.forRole(Roles.ANALYST)).contentType(ContentType.JSON)
                .body(Map.of("records", List.of(Map.of("partition", 0, "offset", 0))))
                .when().post(PATH + "/redrive").then().statusCode(403);
        admin().when().get("/api/v1/dead-letters/another-service").then().statusCode(404);
        admin().queryParam("limit", 0).when().get(PATH).then().statusCode(400)
                .contentType("application/problem+json");
        admin().contentType(ContentType.JSON).body(Map.of("records", List.of())).when().post(PATH + "/redrive")
                .then().statusCode(400).body("violations[0].field", equalTo("records"));
        admin().contentType(ContentType.JSON).body(Map.of("records", List.of(Map.of("partition", -1, "offset", 0))))
                .when().post(PATH + "/redrive").then().statusCode(400)
                .body("violations[0].field", equalTo("records[0].partition"));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole(Roles.ADMIN));
    }

    private static ProducerRecord<String, String> event(String id, String text) {
        return TestKafka.cloudEvent(ProbeService.TOPIC, "customer-dl", id, ProbeService.NOTED, "/tiercare/test",
                "{\"text\":\"" + text + "\"}");
    }
}
