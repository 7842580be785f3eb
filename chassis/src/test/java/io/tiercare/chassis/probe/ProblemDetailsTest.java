package io.tiercare.chassis.probe;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.tiercare.chassis.security.Roles;
import io.tiercare.testing.TestTokens;
import jakarta.inject.Inject;

@QuarkusTest
class ProblemDetailsTest {

    @Inject
    ProbeService service;

    private static RequestSpecification admin() {
        return given().auth().oauth2(TestTokens.forRole(Roles.ADMIN)).contentType(ContentType.JSON);
    }

    @Test
    void shouldNameTheMissingField() {
        admin().body("{\"count\":1}").when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:validation-failed"))
                .body("title", equalTo("Request validation failed"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/probe/notes"))
                .body("violations", hasSize(1))
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must not be blank"));
    }

    @Test
    void shouldRefuseABodyLargerThanTheLimitAsAProblemAndWriteNothing() {
        String text = "大".repeat(30_000); // 90 000 bytes of UTF-8, over the probe's 64 KiB
        admin().header("X-Correlation-Id", "too-large-1").body("{\"text\":\"" + text + "\",\"count\":1}")
                .when().post("/probe/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .header("X-Correlation-Id", "too-large-1")
                .body("type", equalTo("urn:tiercare:problem:payload-too-large"))
                .body("title", equalTo("Payload too large"))
                .body("status", equalTo(413))
                .body("detail", equalTo("the body of 90021 bytes is larger than the 65536 bytes this service accepts"))
                .body("instance", equalTo("/probe/notes"))
                .body("correlationId", equalTo("too-large-1"));
        assertThat(service.notes(text)).isZero();

        String fits = "小".repeat(20_000); // 60 000 bytes
        admin().body("{\"text\":\"" + fits + "\",\"count\":1}").when().post("/probe/notes")
                .then().statusCode(201);
        assertThat(service.notes(fits)).isEqualTo(1);
    }

    @Test
    void shouldRefuseTextWithTheNulCharacterNamingItsField() {
        admin().body("{\"text\":\"nul\\u0000byte\",\"count\":1}").when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must not contain the NUL character (U+0000)"));
    }

    @Test
    void shouldRefuseWhatTheDatabaseCannotStoreNamingTheField() {
        String fine = "{\"ref\":\"0b6c5a2e-6f1c-4e0a-9d59-1a2b3c4d5e6f\",\"weight\":2.5,\"factor\":1,\"count\":3,"
                + "\"at\":\"2026-11-22T08:00:00Z\",\"day\":\"2026-11-22\",\"label\":\"福\"}";
        admin().body(fine).when().post("/probe/measures").then().statusCode(200).body("count", equalTo(3));
        refused("{\"factor\":1,\"label\":\"a\\ud800b\"}", "label", "must be valid Unicode text (it holds an unpaired surrogate)");
        refused("{\"factor\":1,\"weight\":1e400}", "weight", "must be a finite number");
        refused("{\"factor\":-1e400}", "factor", "must be a finite number");
        refused("{\"factor\":1,\"at\":\"+999999999-01-01T00:00:00Z\"}", "at", "must fall in the years 1–9999");
        refused("{\"factor\":1,\"day\":\"-999999999-01-01\"}", "day", "must fall in the years 1–9999");
        refused("{\"factor\":1,\"ref\":\"abc\"}", "ref", "must be a UUID");
        refused("{\"factor\":1,\"count\":4.5}", "count", "must be a whole number");
        refused("{\"factor\":1,\"label\":\"first\",\"label\":\"second\"}", "label", "is given more than once");
    }

    private static void refused(String body, String field, String message) {
        admin().body(body).when().post("/probe/measures").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo(field))
                .body("violations[0].message", equalTo(message));
    }

    @Test
    void shouldRefuseUnstorableParametersBeforeAnyResourceRuns() {
        // RestAssured encodes the NUL as %00
        admin().queryParam("size", 1).queryParam("q", "a\u0000b").when().get("/probe/pages").then().statusCode(400)
                .contentType("application/problem+json")
                .body("violations[0].field", equalTo("q"))
                .body("violations[0].message", equalTo("must not contain the NUL character (U+0000)"));
        admin().urlEncodingEnabled(false).when().get("/probe/notes/a%00b").then().statusCode(400)
                .body("violations[0].field", equalTo("path"));
        admin().queryParam("from", "+999999999-01-01T00:00:00Z").when().get("/probe/pages").then().statusCode(400)
                .body("violations[0].field", equalTo("from"))
                .body("violations[0].message", containsString("in the years 1–9999"));
    }

    @Test
    void shouldAnswerADataExceptionNoCheckCaughtAs400() {
        admin().when().get("/probe/years/2026").then().statusCode(200).body(equalTo("2026-01-01"));
        admin().when().get("/probe/years/0").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:validation-failed"))
                .body("detail", startsWith("A value in the request cannot be stored"));
    }

    @Test
    void shouldRefuseATokenIssuedInTheFuture() {
        given().auth().oauth2(TestTokens.issuedInTheFuture(Roles.ADMIN)).when().get("/probe/pages").then()
                .statusCode(401);
    }

    @Test
    void shouldForbidFramingAndSniffing() {
        admin().when().get("/probe/pages").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Content-Security-Policy", "frame-ancestors 'none'");
    }

    @Test
    void shouldRefuseAnOverlongUriOrHeadersAsProblems() {
        admin().when().get("/probe/pages?q=" + "x".repeat(9_000)).then().statusCode(414)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:uri-too-long"))
                .body("detail", startsWith("the URI of "));
        admin().header("X-Padding", "y".repeat(17_000)).when().get("/probe/pages").then().statusCode(431)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:headers-too-large"));
    }

    @Test
    void shouldRefuseAnUnknownProperty() {
        admin().body("{\"text\":\"a\",\"count\":1,\"id\":\"forged\"}").when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", equalTo("is not a known property"));
    }

    @Test
    void shouldRefuseAWrongJsonType() {
        admin().body("{\"text\":\"a\",\"count\":\"three\"}").when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("count"))
                .body("violations[0].message", equalTo("must be a whole number"));
        admin().body("{\"text\":5,\"count\":1}").when().post("/probe/notes")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("text"))
                .body("violations[0].message", equalTo("must be a string"));
    }

    @Test
    void shouldRefuseMalformedJsonAndAMissingBody() {
        admin().body("{\"text\":").when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:malformed-request"))
                .body("detail", equalTo("The body is not well-formed JSON"));
        admin().when().post("/probe/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void shouldAnswer400ForMalformedPathAndQueryParameters() {
        admin().when().get("/probe/notes/not-a-uuid")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("id"))
                .body("violations[0].message", equalTo("must be a UUID"));
        admin().when().get("/probe/pages?size=lots")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].message", equalTo("must be a whole number"));
    }

    @Test
    void shouldCapThePageSizeAndReturnTheEnvelope() {
        admin().when().get("/probe/pages?size=500")
                .then().statusCode(400)
                .body("violations[0].field", equalTo("size"))
                .body("violations[0].message", equalTo("must be between 1 and 200"));
        admin().when().get("/probe/pages?page=2&size=10")
                .then().statusCode(200)
                .body("items[0]", equalTo(20)).body("page", equalTo(2)).body("size", equalTo(10))
                .body("totalItems", equalTo(1000)).body("hasNext", equalTo(true));
    }

    @Test
    void shouldAnswer404AsProblem() {
        admin().when().get("/probe/notes/7d0c5f0e-52a4-4c59-8a39-3ad4a0c4b3f4")
                .then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("Note 7d0c5f0e-52a4-4c59-8a39-3ad4a0c4b3f4 not found"));
        admin().when().get("/nowhere")
                .then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:tiercare:problem:not-found"));
    }

    @Test
    void shouldRequireATokenAndTheRightRole() {
        given().contentType(ContentType.JSON).body("{\"text\":\"a\",\"count\":1}").when().post("/probe/notes")
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2(TestTokens.signedByStranger(Roles.ADMIN)).when().get("/probe/pages")
                .then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(TestTokens.forRole(Roles.ANALYST)).contentType(ContentType.JSON)
                .body("{\"text\":\"a\",\"count\":1}").when().post("/probe/notes")
                .then().statusCode(403).contentType("application/problem+json")
                .body("title", equalTo("Forbidden"));
    }

    @Test
    void shouldDenyAnEndpointWithoutRoleAnnotation() {
        admin().when().get("/probe/unannotated").then().statusCode(403);
        given().when().get("/probe/unannotated").then().statusCode(401);
    }

    @Test
    void shouldHideTheCauseOfAnUnexpectedFailure() {
        admin().header("X-Correlation-Id", "trace-42").body("{\"text\":\"boom\",\"count\":1}")
                .when().post("/probe/failing-notes")
                .then().statusCode(500).contentType("application/problem+json")
                .header("X-Correlation-Id", "trace-42")
                .body("correlationId", equalTo("trace-42"))
                .body("detail", not(containsString("IllegalStateException")))
                .body("detail", not(containsString("outbox")))
                .body("violations", nullValue());
    }

    @Test
    void shouldKeepHealthOpen() {
        given().when().get("/q/health/live").then().statusCode(200);
        given().when().get("/q/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("checks.name", org.hamcrest.Matchers.hasItems("outbox"))
                .body("status", equalTo("UP"));
        given().when().get("/q/openapi").then().statusCode(200).body(matchesPattern("(?s).*openapi.*"));
    }
}
