package io.tiercare.customer.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestClock;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import io.tiercare.testing.TestTokens;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import javax.sql.DataSource;

@QuarkusTest
class CustomerResourceTest {

    private static final String TOPIC = "customer.events";
    private static final String REGISTERED = "tiercare.customer.registered.v2";

    @Inject
    EntityManager em;

    @Inject
    DataSource dataSource;

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void shouldRegisterACustomerAndPublishTheEvent() throws Exception {
        Instant now = Instant.parse("2026-11-22T08:30:00Z");
        clock.set(now);
        String phone = randomMobile();

        String location = register("INDIVIDUAL", "段晓明", phone.substring(3), Roles.AGENT)
                .statusCode(201)
                .header("ETag", "\"0\"")
                .body("type", equalTo("INDIVIDUAL"))
                .body("name", equalTo("段晓明"))
                .body("mobilePhone", equalTo(phone))
                .body("createdAt", equalTo("2026-11-22T08:30:00Z"))
                .extract().header("Location");
        assertThat(location).matches(".*/api/v1/customers/[0-9a-f-]{36}");
        String id = location.substring(location.lastIndexOf('/') + 1);

        given().auth().oauth2(TestTokens.forRole(Roles.SUPERVISOR)).when().get(location)
                .then().statusCode(200).header("ETag", "\"0\"")
                .body("id", equalTo(id)).body("name", equalTo("段晓明")).body("mobilePhone", equalTo(phone));

        ConsumerRecord<String, String> record = TestKafka.awaitRecord(TOPIC, r -> id.equals(r.key()),
                Duration.ofSeconds(20));
        Map<String, String> headers = TestKafka.headers(record);
        assertThat(headers).containsEntry("ce_specversion", "1.0")
                .containsEntry("ce_type", REGISTERED)
                .containsEntry("ce_source", "/tiercare/customer-service")
                .containsEntry("ce_subject", id)
                .containsEntry("ce_time", "2026-11-22T08:30:00Z")
                .containsEntry("ce_dataschema", "urn:tiercare:schema:" + REGISTERED)
                .containsEntry("content-type", "application/json");
        assertThat(UUID.fromString(headers.get("ce_id")).toString()).isEqualTo(headers.get("ce_id"));

        JsonNode data = new ObjectMapper().readTree(record.value());
        assertThat(data.get("customerId").asText()).isEqualTo(id);
        assertThat(data.get("type").asText()).isEqualTo("INDIVIDUAL");
        assertThat(data.get("profile").get("usesCompetitor").asBoolean()).isFalse();
        assertThat(data.get("registeredAt").asText()).isEqualTo("2026-11-22T08:30:00Z");
        assertThat(EventSchemas.violations(REGISTERED, record.value())).isEmpty();
        assertThat(record.value()).doesNotContain("段晓明").doesNotContain(phone);

        ConsumerRecord<String, String> personal = TestKafka.awaitRecord("customer.personal-data",
                r -> id.equals(r.key()), Duration.ofSeconds(20));
        JsonNode snapshot = new ObjectMapper().readTree(personal.value());
        assertThat(snapshot.get("name").asText()).isEqualTo("段晓明");
        assertThat(snapshot.get("mobilePhone").asText()).isEqualTo(phone);
        assertThat(snapshot.get("changedAt").asText()).isEqualTo("2026-11-22T08:30:00Z");
    }

    @Test
    void shouldPublishExampleThatMatchesItsSchema() {
        assertThat(EventSchemas.violations(REGISTERED, EventSchemas.example(REGISTERED))).isEmpty();
        assertThat(EventSchemas.violations(REGISTERED, "{\"customerId\":\"x\",\"type\":\"ROBOT\"}")).isNotEmpty();
    }

    @Test
    void shouldAnswerWithTheGatewaysAddressWhenCalledThroughIt() {
        given().auth().oauth2(TestTokens.forRole(Roles.AGENT)).contentType(ContentType.JSON)
                .header("X-Forwarded-Host", "gateway.example:8080").header("X-Forwarded-Proto", "https")
                .body(body("INDIVIDUAL", "周杰", randomMobile()))
                .when().post("/api/v1/customers")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.startsWith("https://gateway.example:8080/api/v1/customers/"));
    }

    @Test
    void shouldMaskThePhoneForAnalysts() {
        String phone = randomMobile();
        String location = register("ENTERPRISE", "杭州示例科技有限公司", phone, Roles.ADMIN).statusCode(201)
                .extract().header("Location");
        given().auth().oauth2(TestTokens.forRole(Roles.ANALYST)).when().get(location)
                .then().statusCode(200)
                .body("mobilePhone", equalTo(phone.substring(3, 6) + "****" + phone.substring(10)));
    }

    @Test
    void shouldRequireATokenAndAnAllowedRole() {
        given().contentType(ContentType.JSON).body(body("INDIVIDUAL", "王芳", randomMobile()))
                .when().post("/api/v1/customers")
                .then().statusCode(401).contentType("application/problem+json");
        register("INDIVIDUAL", "王芳", randomMobile(), Roles.ANALYST)
                .statusCode(403).contentType("application/problem+json");
        given().when().get("/api/v1/customers/" + UUID.randomUUID())
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.forRole(Roles.ACCOUNT_MANAGER)).when()
                .get("/api/v1/customers/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    @Test
    void shouldAnswer404ForAnUnknownCustomerAnd400ForAMalformedId() {
        UUID unknown = UUID.randomUUID();
        given().auth().oauth2(TestTokens.forRole(Roles.AGENT)).when().get("/api/v1/customers/" + unknown)
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Customer " + unknown + " not found"));
        given().auth().oauth2(TestTokens.forRole(Roles.AGENT)).when().get("/api/v1/customers/42")
                .then().statusCode(400).body("violations[0].field", equalTo("id"));
    }

    @Test
    void shouldRefuseBadInputAndStoreAndPublishNothing() {
        long customersBefore = count("customer");
        long eventsBefore = TestOutbox.appended(dataSource);

        postRaw("{\"type\":\"INDIVIDUAL\",\"mobilePhone\":\"" + randomMobile() + "\"}")
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must not be blank"));
        postRaw(body("INDIVIDUAL", "李雷", "12345"))
                .statusCode(400)
                .body("violations[0].field", equalTo("mobilePhone"))
                .body("detail", startsWith("mobilePhone: must be a mainland mobile number"));
        postRaw("{\"type\":\"INDIVIDUAL\",\"name\":\"李雷\",\"mobilePhone\":\"" + randomMobile()
                + "\",\"tier\":\"CORE\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("tier"))
                .body("violations[0].message", equalTo("is not a known property"));
        postRaw("{\"type\":\"INDIVIDUAL\",\"name\":42,\"mobilePhone\":\"" + randomMobile() + "\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("name"))
                .body("violations[0].message", equalTo("must be a string"));
        postRaw("{\"type\":\"ROBOT\",\"name\":\"李雷\",\"mobilePhone\":\"" + randomMobile() + "\"}")
                .statusCode(400)
                .body("violations[0].field", equalTo("type"))
                .body("violations[0].message", equalTo("must be one of INDIVIDUAL, ENTERPRISE"));

        assertThat(count("customer")).isEqualTo(customersBefore);
        assertThat(TestOutbox.appended(dataSource)).isEqualTo(eventsBefore);
    }

    @Test
    void shouldRefuseASecondCustomerWithTheSamePhoneAndPublishNothingForIt() {
        String phone = randomMobile();
        String first = register("INDIVIDUAL", "张伟", phone, Roles.AGENT).statusCode(201).extract().header("Location");
        String firstId = first.substring(first.lastIndexOf('/') + 1);
        long eventsBefore = TestOutbox.appended(dataSource);

        register("INDIVIDUAL", "张伟二号", "+86 " + phone.substring(3), Roles.AGENT)
                .statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("mobilePhone already belongs to customer " + firstId));

        assertThat(TestOutbox.appended(dataSource)).isEqualTo(eventsBefore);
        String marker = register("INDIVIDUAL", "标记", randomMobile(), Roles.AGENT).statusCode(201).extract()
                .header("Location");
        String markerId = marker.substring(marker.lastIndexOf('/') + 1);
        TestKafka.awaitRecord(TOPIC, r -> markerId.equals(r.key()), Duration.ofSeconds(20));
        assertThat(TestKafka.readAll(TOPIC)).noneMatch(r -> r.value().contains("张伟二号"));
    }

    private ValidatableResponse register(String type, String name, String phone, String role) {
        return given().auth().oauth2(TestTokens.forRole(role)).contentType(ContentType.JSON)
                .body(body(type, name, phone)).when().post("/api/v1/customers").then();
    }

    private ValidatableResponse postRaw(String json) {
        return given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON)
                .body(json).when().post("/api/v1/customers").then();
    }

    private static String body(String type, String name, String phone) {
        return "{\"type\":\"" + type + "\",\"name\":\"" + name + "\",\"mobilePhone\":\"" + phone + "\"}";
    }

    private long count(String table) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from " + table).getSingleResult()).longValue());
    }

    /** A fresh mainland mobile in E.164, so tests never collide on the unique phone. */
    private static String randomMobile() {
        return "+86139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
    }
}
