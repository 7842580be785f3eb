package io.tiercare.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;

/**
 * What every TierCare service must show once started: open health endpoints whose readiness covers PostgreSQL, Kafka,
 * its consumers' group membership and the outbox; its OpenAPI document, every reference in it defined; its own schema migrated by Flyway, chassis tables included; problem+json for
 * unknown paths. A service's smoke test extends this and names its schema.
 */
public abstract class ServiceSmokeContract {

    @Inject
    DataSource dataSource;

    /** The PostgreSQL schema the service owns. */
    protected abstract String schema();

    @Test
    void shouldBeLiveAndReadyWithDatabaseKafkaAndOutbox() {
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        // ready once every consumer has joined its group, which follows the start by a moment
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> given().when().get("/q/health/ready").statusCode() == 200);
        JsonPath ready = JsonPath.from(given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("kafka", "kafka-consumers", "outbox",
                        "Database connections health check"))
                .extract().asString());
        Map<String, Object> consumers = ready.getMap("checks.find { it.name == 'kafka-consumers' }.data");
        assertThat(consumers.get("joined")).as("consumers that joined their group").isEqualTo(
                consumers.get("channels"));
    }

    @Test
    void shouldServeItsOpenApiDocumentWithTheBearerScheme() {
        given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("components.securitySchemes.SecurityScheme.scheme", equalTo("bearer"));
    }

    @Test
    void shouldNameTheOutage503OnEveryApiOperation() {
        JsonPath openapi = JsonPath.from(given().accept("application/json").when().get("/q/openapi").then()
                .statusCode(200).extract().asString());
        Map<String, Map<String, Object>> paths = openapi.getMap("paths");
        Set<String> without = new TreeSet<>();
        paths.forEach((path, item) -> item.forEach((method, operation) -> {
            Object responses = operation instanceof Map<?, ?> op ? op.get("responses") : null;
            if (path.startsWith("/api/") && responses instanceof Map<?, ?> r && !r.containsKey("503")) {
                without.add(method.toUpperCase() + " " + path);
            }
        }));
        assertThat(without).as("API operations whose document does not name the outage's 503").isEmpty();
    }

    @Test
    void shouldDefineEveryComponentItsOpenApiDocumentRefersTo() {
        String document = given().accept("application/json").when().get("/q/openapi").then().statusCode(200)
                .extract().asString();
        Map<String, Map<String, Object>> components = JsonPath.from(document)
                .getMap("components");
        Matcher ref = Pattern.compile("\"\\$ref\"\\s*:\\s*\"#/components/([^/\"]+)/([^\"]+)\"").matcher(document);
        Set<String> dangling = new TreeSet<>();
        while (ref.find()) {
            Map<String, Object> section = components.get(ref.group(1));
            if (section == null || !section.containsKey(ref.group(2))) {
                dangling.add(ref.group(1) + "/" + ref.group(2));
            }
        }
        assertThat(dangling).as("components referred to but not defined").isEmpty();
    }

    @Test
    void shouldMigrateItsOwnSchemaIncludingTheChassisTables() throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement("""
                        select count(*) from information_schema.tables
                        where table_schema = ? and table_name in ('outbox_event', 'inbox_message')""")) {
            query.setString(1, schema());
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(2);
            }
        }
    }

    @Test
    void shouldAnswerUnknownPathsWithProblemJson() {
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/no-such-resource")
                .then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404));
    }

    @Test
    void shouldKeepAnswersOutOfCachesAndFramesAndRefuseTokensFromTheFuture() {
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/no-such-resource")
                .then().statusCode(404)
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
        // an endpoint every service has (the chassis's), so the token is checked before anything else
        given().auth().oauth2(TestTokens.issuedInTheFuture("ADMIN")).when().get("/api/v1/dead-letters/any")
                .then().statusCode(401);
        given().auth().oauth2(TestTokens.forRole("ADMIN")).queryParam("q", "a\u0000b").when()
                .get("/api/v1/no-such-resource")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("q"));
    }
}
