package io.tiercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The gateway in front of the running suite: per-client rate limits that a client cannot dodge, the customer-360
 * composition with each service's own scoping and masking and a part missing when its service is down, and per-service
 * timeouts and circuit breakers that answer 504 and 503 and recover when the service is back. The gateway runs with a
 * read budget of 200 (one more every 100 s: none comes back while a test runs), a 1.5 s answer timeout for
 * complaint-service and its parts, and breakers that judge the last 4 calls and open for 3 s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GatewayTest {

    private static Suite suite;
    private static String admin;

    @BeforeAll
    static void start() {
        suite = Suite.up(Map.of("TIERCARE_API_GATEWAY_JAVA_OPTS", String.join(" ",
                "-Dtiercare.gateway.rate-limits.read-capacity=200",
                "-Dtiercare.gateway.rate-limits.read-per-second=0.01",
                "-Dtiercare.gateway.services.complaint.timeout=1500ms",
                "-Dtiercare.gateway.customer-360.part-timeout=1500ms",
                "-Dtiercare.gateway.breaker.window=4",
                "-Dtiercare.gateway.breaker.minimum-calls=4",
                "-Dtiercare.gateway.breaker.open-for=3s")),
                "customer-service", "tiering-service", "care-service", "complaint-service", "api-gateway");
        admin = suite.token("ADMIN");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    @Order(1)
    void aFloodingClientIsRefusedWith429WhileAnotherIsServed() {
        String customer = register("am-flood");
        String flooder = suite.token("AGENT", "agent-flood");
        int served = 0;
        Response refused = null;
        for (int i = 0; i < 300 && refused == null; i++) {
            Response r = as(flooder).get("/api/v1/customers/" + customer);
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(200);
                served++;
            }
        }
        assertThat(refused).as("a 429 within 300 requests").isNotNull();
        assertThat(served).as("the burst").isEqualTo(200);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.jsonPath().getString("type")).isEqualTo("urn:tiercare:problem:rate-limited");
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(90L, 100L);
        assertThat(refused.header("RateLimit-Limit")).isEqualTo("200");
        assertThat(refused.header("RateLimit-Remaining")).isEqualTo("0");
        assertThat(refused.header("RateLimit-Policy")).isEqualTo("\"read\";q=200;w=20000");

        // the budget is the client's, whatever the path looks like or the headers claim
        for (String path : new String[] { "/api/v1/customers/" + customer + "/", "/API/V1/customers/" + customer,
                "/api/v1/customers/%2e/" + customer, "/api/v1/customers?name=x" }) {
            assertThat(as(flooder).get(path).statusCode()).as(path).isEqualTo(429);
        }
        assertThat(as(flooder).header("X-Forwarded-For", "203.0.113." + ThreadLocalRandom.current().nextInt(255))
                .get("/api/v1/customers/" + customer).statusCode()).isEqualTo(429);
        // another client is served at once
        assertThat(as(suite.token("AGENT", "agent-calm")).get("/api/v1/customers/" + customer).statusCode())
                .isEqualTo(200);
    }

    @Test
    @Order(2)
    void customer360ShowsEachPartAsTheCallerMaySeeItAndSaysWhichIsMissing() {
        String customer = register("am-360");
        String duplicate = register("am-360");
        gateway().body("""
                {"externalOrderId":"sys-%s","amount":200000,"currency":"CNY","purchasedAt":"%s"}"""
                .formatted(UUID.randomUUID(), Instant.now())).post("/api/v1/customers/" + customer + "/purchases")
                .then().statusCode(201);
        String complaint = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> gateway().body("""
                        {"customerId":"%s","channel":"HOTLINE","category":"AFTER_SALES.REPAIR_DELAY",
                         "severity":"MEDIUM","title":"维修晚了","contact":"13800138000"}""".formatted(customer))
                        .post("/api/v1/complaints").then().extract(), r -> r.statusCode() == 201).path("id");
        gateway().body("{\"duplicateId\":\"" + duplicate + "\"}").post("/api/v1/customers/" + customer + "/merges")
                .then().statusCode(200);
        // CORE: the monthly visit is planned
        JsonPath full = Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .until(() -> as(admin).get("/api/v1/customer-360/" + duplicate).then().statusCode(200).extract()
                        .jsonPath(), p -> !p.getList("care.next").isEmpty()
                                && "CORE".equals(p.getString("tiers.items.find { it.scheme == 'VALUE' }.tier"))
                                // a service still cold may take longer than the part timeout at first
                                && "AVAILABLE".equals(p.getString("complaints.status"))
                                && "AVAILABLE".equals(p.getString("purchases.status")));
        assertThat(full.getString("customerId")).as("a merged id answers with the survivor").isEqualTo(customer);
        assertThat(full.getString("profile.mobilePhone")).doesNotContain("*");
        assertThat(full.getString("purchases.status")).isEqualTo("AVAILABLE");
        assertThat(full.getDouble("purchases.totalSpend")).isEqualTo(200000.0);
        assertThat(full.getString("tiers.status")).isEqualTo("AVAILABLE");
        assertThat(full.getString("complaints.status")).isEqualTo("AVAILABLE");
        assertThat(full.getList("complaints.open.id")).containsExactly(complaint);
        assertThat(full.getList("complaints.open[0].milestones")).isNotEmpty();
        assertThat(full.getString("care.status")).isEqualTo("AVAILABLE");
        assertThat(full.getList("care.next.itemCode")).contains("CORE_VISIT");

        assertThat(as(suite.token("ACCOUNT_MANAGER", "am-360")).get("/api/v1/customer-360/" + customer)
                .statusCode()).isEqualTo(200);
        Response outOfScope = as(suite.token("ACCOUNT_MANAGER", "am-someone-else"))
                .get("/api/v1/customer-360/" + customer);
        Response unknown = as(suite.token("ACCOUNT_MANAGER", "am-someone-else"))
                .get("/api/v1/customer-360/" + UUID.randomUUID());
        assertThat(outOfScope.statusCode()).isEqualTo(404);
        assertThat(outOfScope.jsonPath().getString("title")).isEqualTo(unknown.jsonPath().getString("title"));
        JsonPath masked = as(suite.token("ANALYST", "analyst-360")).get("/api/v1/customer-360/" + customer).then()
                .statusCode(200).extract().jsonPath();
        assertThat(masked.getString("profile.mobilePhone")).contains("*");
        assertThat(masked.getString("complaints.open[0].title")).isNull();
        assertThat(as(admin).get("/api/v1/customer-360/not-a-uuid").then().statusCode(400).extract().jsonPath()
                .getString("violations[0].field")).isEqualTo("customerId");
        // a role that may not read complaints gets the rest, and is told which part it may not see
        JsonPath integration = as(suite.token("INTEGRATION", "system-360")).get("/api/v1/customer-360/" + customer)
                .then().statusCode(200).extract().jsonPath();
        assertThat(integration.getString("complaints.status")).isEqualTo("FORBIDDEN");
        assertThat(integration.getString("complaints.open")).isNull();
        assertThat(integration.getString("tiers.status")).isEqualTo("AVAILABLE");

        suite.kill("care-service");
        JsonPath partial = as(admin).get("/api/v1/customer-360/" + customer).then().statusCode(200).extract()
                .jsonPath();
        assertThat(partial.getString("care.status")).isEqualTo("UNAVAILABLE");
        assertThat(partial.getString("care.detail")).contains("care");
        assertThat(partial.getString("tiers.status")).isEqualTo("AVAILABLE");
        assertThat(partial.getString("complaints.status")).isEqualTo("AVAILABLE");
    }

    @Test
    @Order(3)
    void aSilentServiceTimesOutWith504ThenItsBreakerOpensAndClosesOnceItIsBack() {
        String caller = suite.token("ADMIN", "admin-breaker");
        assertThat(as(caller).get("/api/v1/complaint-categories").statusCode()).isEqualTo(200);

        suite.pause("complaint-service");
        try {
            long started = System.nanoTime();
            Response timedOut = as(caller).get("/api/v1/complaint-categories");
            assertThat(timedOut.statusCode()).isEqualTo(504);
            assertThat(timedOut.jsonPath().getString("type")).isEqualTo("urn:tiercare:problem:upstream-timeout");
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            Response open = null;
            for (int i = 0; i < 6 && open == null; i++) {
                Response r = as(caller).get("/api/v1/complaint-categories");
                if (r.statusCode() == 503) {
                    open = r;
                }
            }
            assertThat(open).as("the breaker opens once its last four calls failed").isNotNull();
            assertThat(open.jsonPath().getString("type")).isEqualTo("urn:tiercare:problem:upstream-unavailable");
            assertThat(Long.parseLong(open.header("Retry-After"))).isBetween(1L, 3L);
            assertThat(breaker("complaint")).isEqualTo(2.0);
            // other services are not affected
            assertThat(as(caller).get("/api/v1/tier-schemes").statusCode()).isEqualTo(200);
        } finally {
            suite.resume("complaint-service");
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(caller).get("/api/v1/complaint-categories").statusCode() == 200);
        assertThat(breaker("complaint")).isEqualTo(0.0);

        // stopped: refused at once (503), and served again once restarted
        suite.kill("complaint-service");
        Response down = as(caller).get("/api/v1/complaint-categories");
        assertThat(down.statusCode()).isEqualTo(503);
        assertThat(down.header("Retry-After")).isNotNull();
        suite.start("complaint-service");
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> as(caller).get("/api/v1/complaint-categories").statusCode() == 200);
        String metrics = given().get(Suite.management(Suite.port("api-gateway")) + "/q/metrics").then()
                .statusCode(200).extract().asString();
        assertThat(metrics).containsPattern(
                "tiercare_gateway_upstream_seconds_count\\{[^}]*outcome=\"timeout\"[^}]*service=\"complaint\"");
        assertThat(metrics).containsPattern(
                "tiercare_gateway_upstream_seconds_count\\{[^}]*outcome=\"open\"[^}]*service=\"complaint\"");

        // without customer-service, which decides what a caller may see, there is no customer 360 at all
        suite.kill("customer-service");
        Response noProfile = as(caller).get("/api/v1/customer-360/" + UUID.randomUUID());
        assertThat(noProfile.statusCode()).isEqualTo(503);
        assertThat(noProfile.jsonPath().getString("type")).isEqualTo("urn:tiercare:problem:upstream-unavailable");
        assertThat(noProfile.jsonPath().getString("detail")).contains("customer service cannot be reached");
    }

    private static double breaker(String service) {
        String metrics = given().get(Suite.management(Suite.port("api-gateway")) + "/q/metrics").then()
                .statusCode(200).extract().asString();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(
                "(?m)^tiercare_gateway_upstream_breaker\\{[^}]*service=\"" + service + "\"[^}]*} (\\S+)$")
                .matcher(metrics);
        assertThat(m.find()).as("breaker gauge of %s", service).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static String register(String manager) {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return gateway().body("""
                {"type":"INDIVIDUAL","name":"网关测试","mobilePhone":"%s","accountManagerId":"%s"}"""
                .formatted(phone, manager)).post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static RequestSpecification gateway() {
        return as(admin).contentType(ContentType.JSON);
    }

    private static RequestSpecification as(String token) {
        return given().baseUri(Suite.url(Suite.port("api-gateway"))).urlEncodingEnabled(false).auth().oauth2(token);
    }
}
