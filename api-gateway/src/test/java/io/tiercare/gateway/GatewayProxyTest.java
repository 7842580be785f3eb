package io.tiercare.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tiercare.testing.TestTokens;
import io.tiercare.testing.TestTokensResource;

@QuarkusTest
@QuarkusTestResource(TestTokensResource.class)
@QuarkusTestResource(EchoUpstream.class)
class GatewayProxyTest {

    @Test
    void shouldForwardAnAuthenticatedRequestWithItsBodyQueryAndToken() {
        String token = TestTokens.forRole("AGENT");
        given().auth().oauth2(token).contentType(ContentType.JSON).header("X-Correlation-Id", "gw-1")
                .body("{\"name\":\"段晓明\"}")
                .when().post("/api/v1/customers?dryRun=true")
                .then().statusCode(201)
                .header("ETag", "\"7\"")
                .header("X-Correlation-Id", "gw-1")
                .body("method", equalTo("POST"))
                .body("uri", equalTo("/api/v1/customers?dryRun=true"))
                .body("body", equalTo("{\"name\":\"段晓明\"}"))
                .body("authorization", equalTo("Bearer " + token))
                .body("correlationId", equalTo("gw-1"))
                .body("forwardedProto", equalTo("http"))
                .header("Cache-Control", "no-store")
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY");
    }

    @Test
    void shouldStreamALargeAnswerWhole() {
        byte[] export = given().auth().oauth2(TestTokens.forRole("ADMIN"))
                .when().get("/api/v1/customers/export")
                .then().statusCode(200).contentType("text/csv").extract().asByteArray();
        assertThat(export).hasSize(EchoUpstream.EXPORT_CHUNK * EchoUpstream.EXPORT_CHUNKS);
    }

    @Test
    void shouldStopTheServicesAnswerWhenTheClientGoesAwayMidway() throws Exception {
        try (Socket client = new Socket("127.0.0.1", RestAssured.port)) {
            client.getOutputStream().write(("GET /api/v1/customers/export HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + TestTokens.forRole("ADMIN") + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(client.getInputStream().readNBytes(100_000)).hasSize(100_000);
        }
        // the gateway resets its request to the service, whose write then fails, instead of reading on for nobody
        assertThat(EchoUpstream.ABANDONED_EXPORTS.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
        given().auth().oauth2(TestTokens.forRole("AGENT")).when().get("/api/v1/customers/1")
                .then().statusCode(200).body("uri", equalTo("/api/v1/customers/1"));
    }

    @Test
    void shouldRefuseAnOverlongUriOrHeadersAsProblemsBeforeForwarding() {
        given().auth().oauth2(TestTokens.forRole("AGENT")).when().get("/api/v1/customers/" + "x".repeat(9_000))
                .then().statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:uri-too-long"));
        given().auth().oauth2(TestTokens.forRole("AGENT")).header("X-Padding", "y".repeat(17_000)).when()
                .get("/api/v1/customers/1").then().statusCode(431).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:headers-too-large"));
    }

    @Test
    void shouldNeverPassOnAClientsOwnForwardingClaims() {
        given().auth().oauth2(TestTokens.forRole("AGENT")).header("X-Forwarded-Port", "6666")
                .header("Forwarded", "host=evil.example").when().get("/api/v1/customers/1")
                .then().statusCode(200)
                .body("forwardedPort", org.hamcrest.Matchers.nullValue())
                .body("forwarded", org.hamcrest.Matchers.nullValue())
                .body("forwardedProto", equalTo("http"));
    }

    @Test
    void shouldRefuseMissingAndForeignTokensBeforeRouting() {
        given().when().get("/api/v1/customers/1")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("urn:tiercare:problem:unauthenticated"));
        given().auth().oauth2(TestTokens.signedByStranger("ADMIN")).when().get("/api/v1/customers/1")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.issuedInTheFuture("ADMIN")).when().get("/api/v1/customers/1")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseABodyLargerThanAnyServiceTakesAsAProblemBeforeForwarding() {
        String body = "{\"name\":\"" + "长".repeat(30_000) + "\"}"; // 90 011 bytes, over the test limit of 64 KiB
        given().auth().oauth2(TestTokens.forRole("AGENT")).contentType(ContentType.JSON)
                .header("X-Correlation-Id", "gw-big").body(body)
                .when().post("/api/v1/customers")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Correlation-Id", "gw-big")
                .body("type", equalTo("urn:tiercare:problem:payload-too-large"))
                .body("detail", equalTo("the body of 90011 bytes is larger than the 65536 bytes the gateway accepts"))
                .body("correlationId", equalTo("gw-big"));
        String fits = "{\"name\":\"" + "短".repeat(20_000) + "\"}";
        given().auth().oauth2(TestTokens.forRole("AGENT")).contentType(ContentType.JSON).body(fits)
                .when().post("/api/v1/customers")
                .then().statusCode(201).body("body", equalTo(fits));
    }

    @Test
    void shouldAnswer404ForAPathNoServiceOwns() {
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/nothing-here")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Nothing is found at /api/v1/nothing-here"));
    }

    @Test
    void shouldAnswer503WhenTheOwningServiceCannotBeReached() {
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/care-tasks")
                .then().statusCode(503).contentType("application/problem+json").header("Retry-After", "1")
                .body("type", equalTo("urn:tiercare:problem:upstream-unavailable"))
                .body("detail", equalTo("The care service cannot be reached"));
    }

    @Test
    void shouldAllowCrossOriginCallsFromConfiguredOriginsOnly() {
        given().header("Origin", "https://app.example.com").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type").when()
                .options("/api/v1/customers").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Allow-Credentials", org.hamcrest.Matchers.not("true"));
        given().auth().oauth2(TestTokens.forRole("AGENT")).header("Origin", "https://app.example.com").when()
                .get("/api/v1/customers/1").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "https://app.example.com")
                .header("Access-Control-Expose-Headers", org.hamcrest.Matchers.containsString("RateLimit-Remaining"));
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST").when()
                .options("/api/v1/customers").then()
                .header("Access-Control-Allow-Origin", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void shouldTellTheClientItsBudget() {
        given().auth().oauth2(TestTokens.forRole("SUPERVISOR")).when().get("/api/v1/customers/1").then()
                .statusCode(200).header("RateLimit-Policy", "\"read\";q=100;w=2")
                .header("RateLimit-Limit", "100").header("RateLimit-Remaining", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(TestTokens.forRole("SUPERVISOR")).contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/customers").then().statusCode(201).header("RateLimit-Policy", "\"write\";q=40;w=2");
        given().auth().oauth2(TestTokens.forRole("SUPERVISOR")).contentType("text/csv").body("a").when()
                .post("/api/v1/customer-imports").then().header("RateLimit-Policy", "\"bulk\";q=5;w=50");
    }

    @Test
    void shouldComposeCustomer360OnlyForAValidIdAndWithGet() {
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().get("/api/v1/customer-360/not-an-id").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("customerId"));
        given().auth().oauth2(TestTokens.forRole("ADMIN")).when().delete("/api/v1/customer-360/" + java.util.UUID
                .randomUUID()).then().statusCode(405).header("Allow", "GET");
        given().when().get("/api/v1/customer-360/" + java.util.UUID.randomUUID()).then().statusCode(401);
    }

    @Test
    void shouldComposeCustomer360WithTheCallersTokenAndNameThePartsThatAreMissing() {
        String id = java.util.UUID.randomUUID().toString();
        String token = TestTokens.forRole("SUPERVISOR");
        given().auth().oauth2(token).header("X-Correlation-Id", "gw-360").when().get("/api/v1/customer-360/" + id)
                .then().statusCode(200).header("Cache-Control", "no-store")
                .body("customerId", equalTo(id))
                .body("profile.uri", equalTo("/api/v1/customers/" + id))
                .body("profile.authorization", equalTo("Bearer " + token))
                .body("profile.correlationId", equalTo("gw-360"))
                .body("purchases.status", equalTo("AVAILABLE"))
                .body("purchases.uri", equalTo("/api/v1/customers/" + id + "/purchase-summary"))
                .body("purchases.authorization", equalTo("Bearer " + token))
                // tiering, care and complaint-service are down in this test
                .body("tiers.status", equalTo("UNAVAILABLE"))
                .body("tiers.detail", equalTo("the tiering service cannot be reached"))
                .body("complaints.status", equalTo("UNAVAILABLE"))
                .body("care.status", equalTo("UNAVAILABLE"));
    }

    @Test
    void shouldKeepHealthOpenAndReportUpstreams() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'upstreams' }.data.care", equalTo("UNREACHABLE"));
    }
}
