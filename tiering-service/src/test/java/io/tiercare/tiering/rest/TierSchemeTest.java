package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
class TierSchemeTest {

    @Test
    void theDefaultSchemesAreSeeded() {
        as("ANALYST").when().get("/api/v1/tier-schemes").then().statusCode(200)
                .body("items.code", hasItems("ABCD", "LIFECYCLE", "MEMBERSHIP", "VALUE"))
                .body("items.find { it.code == 'VALUE' }.policy.tiers.code",
                        equalTo(java.util.List.of("CORE", "IMPORTANT", "BASIC", "POTENTIAL")))
                .body("items.find { it.code == 'VALUE' }.policy.downgrade.graceDays", equalTo(30));
        as("ANALYST").when().get("/api/v1/tier-schemes/NOPE").then().statusCode(404);
    }

    @Test
    void aPolicyWithAnUnknownMetricIsRefusedNamingItAndChangesNothing() {
        String bad = """
                {"note": "typo", "policy": {"tiers": [
                  {"code": "TOP", "name": "顶级", "when": {"metric": "spend13m", "op": "gte", "value": 1}},
                  {"code": "REST", "name": "其他", "when": {"metric": "spend12m", "op": "about", "value": 1}}]}}""";
        as("ADMIN").contentType(ContentType.JSON).body(bad).when().put("/api/v1/tier-schemes/ABCD/policy").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", equalTo(java.util.List.of("policy.tiers[0].when.metric",
                        "policy.tiers[1].when", "policy.tiers[1].when.op")))
                .body("violations[0].message", startsWith("unknown metric 'spend13m'; known: spend12m,"))
                .body("violations[2].message", equalTo("unknown operator 'about'; known: gte, gt, lte, lt, eq, ne"));
        as("ANALYST").when().get("/api/v1/tier-schemes/ABCD").then().body("version", equalTo(2)); // V12 added 2
        as("ANALYST").contentType(ContentType.JSON).body(bad).when().put("/api/v1/tier-schemes/ABCD/policy").then()
                .statusCode(403);
    }

    @Test
    void aValidPolicyBecomesTheNextVersionWithItsAuthor() {
        Object original = as("ANALYST").when().get("/api/v1/tier-schemes/MEMBERSHIP").then().extract().path("policy");
        int before = as("ANALYST").when().get("/api/v1/tier-schemes/MEMBERSHIP").then().extract().path("version");
        String policy = """
                {"note": "lower the bar for the year-end campaign", "policy": {"tiers": [
                  {"code": "GOLD", "name": "金", "when": {"metric": "spend12m", "op": "gte", "value": 5000}},
                  {"code": "OTHER", "name": "其他"}]}}""";
        asUser("admin-li", "ADMIN")
                .contentType(ContentType.JSON).body(policy).when().put("/api/v1/tier-schemes/MEMBERSHIP/policy")
                .then().statusCode(200).body("scheme.version", equalTo(before + 1))
                .body("scheme.policy.tiers[0].code", equalTo("GOLD"))
                .body("impact.currentVersion", equalTo(before))
                .body("impact.after.tier", equalTo(java.util.List.of("GOLD", "OTHER")))
                .body("reevaluation.reason", equalTo("policy MEMBERSHIP v" + (before + 1)))
                .body("reevaluation.requestedBy", equalTo("admin-li"));
        awaitJobs();
        as("SUPERVISOR").when().get("/api/v1/tier-schemes/MEMBERSHIP/policies").then().statusCode(200)
                .body("items[0].version", equalTo(before + 1)).body("items[-1].version", equalTo(1))
                .body("items[0].createdBy", equalTo("admin-li"))
                .body("items[0].note", equalTo("lower the bar for the year-end campaign"));

        // put the default back (a further version) for the other tests in this JVM
        as("ADMIN").contentType(ContentType.JSON).body(java.util.Map.of("note", "restore", "policy", original))
                .when().put("/api/v1/tier-schemes/MEMBERSHIP/policy").then().statusCode(200)
                .body("scheme.version", equalTo(before + 2)).body("scheme.policy.tiers[0].code", equalTo("SUPER_VIP"));
        awaitJobs();
    }

    /** Every re-evaluation job has finished: the next test starts from settled tiers. */
    static void awaitJobs() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60)).untilAsserted(() -> as("ANALYST")
                .queryParam("size", 200).when().get("/api/v1/tier-evaluations").then()
                .body("items.findAll { it.status == 'RUNNING' }", org.hamcrest.Matchers.empty()));
    }
}
