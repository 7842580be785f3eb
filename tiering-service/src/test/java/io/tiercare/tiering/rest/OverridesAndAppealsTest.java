package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.OnTestDay;

@QuarkusTest
class OverridesAndAppealsTest extends OnTestDay {

    private static final String VALUE = "tiers.find { it.scheme == 'VALUE' }";
    private static final String CHANGED = "tiercare.tier.changed.v1";
    private static final String DECIDED = "tiercare.tier.appeal.decided.v1";

    @Test
    void anAccountManagerSeesOnlyTheirOwnCustomersTiersAndAppeals() {
        String mine = importantCustomer("2026-10-01T02:00:00Z");
        String theirs = UUID.randomUUID().toString();
        registered(theirs, "2025-06-01T02:00:00Z", "am-qian");
        awaitTierEvent(theirs, CHANGED, "\"scheme\":\"VALUE\"");
        long change = latestChange(mine);

        asUser("am-zhao", "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + mine + "/tiers").then()
                .statusCode(200);
        asUser("am-zhao", "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + theirs + "/tiers").then()
                .statusCode(404).contentType("application/problem+json");
        asUser("am-zhao", "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + theirs + "/tiers/history").then()
                .statusCode(404);
        asUser("am-zhao", "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + theirs + "/tiers/appeals").then()
                .statusCode(404);
        String appeal = asUser("am-zhao", "ACCOUNT_MANAGER").contentType("application/json").body(Map.of("scheme",
                "VALUE", "changeId", change, "reason", "wrong account")).when()
                .post("/api/v1/customers/" + mine + "/tiers/appeals").then().statusCode(201).extract().path("id");
        asUser("am-qian", "ACCOUNT_MANAGER").when().get("/api/v1/tier-appeals/" + appeal).then().statusCode(404);

        io.tiercare.tiering.support.Events.accountManagerAssigned(mine, "am-qian"); // the customer moves on
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asUser("am-zhao", "ACCOUNT_MANAGER")
                .when().get("/api/v1/customers/" + mine + "/tiers").then().statusCode(404));
        asUser("am-qian", "ACCOUNT_MANAGER").when().get("/api/v1/tier-appeals/" + appeal).then().statusCode(200);
        asUser("am-zhao", "ACCOUNT_MANAGER").when().get("/api/v1/customers/" + mine + "/tiers/appeals").then()
                .statusCode(404);
    }

    @Test
    void anOverrideSetsTheTierUntilItExpiresAndIsAudited() {
        String customer = importantCustomer("2026-10-01T02:00:00Z");
        String path = "/api/v1/customers/" + customer + "/tiers/VALUE/override";
        Map<String, Object> body = Map.of("tier", "CORE", "reason", "strategic account", "expiresAt",
                "2027-01-31T16:00:00Z");

        as("ANALYST").contentType("application/json").body(body).when().put(path).then().statusCode(403);
        as("SUPERVISOR").contentType("application/json").body(Map.of("tier", "GOLD", "reason", "x", "expiresAt",
                "2027-01-31T16:00:00Z")).when().put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("tier"))
                .body("violations[0].message", containsString("its tiers: CORE, IMPORTANT, BASIC, POTENTIAL"));
        as("SUPERVISOR").contentType("application/json").body(Map.of("tier", "CORE", "reason", "x", "expiresAt",
                "2026-11-01T00:00:00Z")).when().put(path).then().statusCode(400)
                .body("violations[0].field", equalTo("expiresAt"));
        as("SUPERVISOR").contentType("application/json").body(Map.of("tier", "CORE")).when().put(path).then()
                .statusCode(400);
        as("SUPERVISOR").contentType("application/json").body(body).when()
                .put("/api/v1/customers/" + customer + "/tiers/GOLD_CLUB/override").then().statusCode(404);

        asUser("sup-li", "SUPERVISOR").contentType("application/json").body(body).when().put(path).then()
                .statusCode(200).body("tier", equalTo("CORE")).body("createdBy", equalTo("sup-li"));
        ConsumerRecord<String, String> up = awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"",
                "\"toTier\":\"CORE\"");
        // who decided goes out on the public topic, never the words they wrote
        assertThat(JsonPath.from(up.value()).getString("reason")).isEqualTo("override by sup-li");
        assertThat(JsonPath.from(up.value()).getString("direction")).isEqualTo("UP");

        purchase(customer, UUID.randomUUID(), "100.00", "2026-11-20T02:00:00Z"); // the rules still say IMPORTANT
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".explanation.metrics.purchases12m", equalTo(2))
                .body(VALUE + ".tier", equalTo("CORE"))
                .body(VALUE + ".override.reason", equalTo("strategic account"))
                .body(VALUE + ".explanation.tier", equalTo("IMPORTANT")));

        clock.set(Instant.parse("2027-02-01T08:00:00Z")); // the override has expired: the rules' tier at once
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then().statusCode(200)
                .body(VALUE + ".tier", equalTo("IMPORTANT")).body(VALUE + ".override", nullValue())
                .body(VALUE + ".pendingTier", nullValue());
        as("ANALYST").queryParam("scheme", "VALUE").when().get("/api/v1/customers/" + customer + "/tiers/history")
                .then().body("items[0].direction", equalTo("DOWN"))
                .body("items[0].reason", containsString("(override expired)"));
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers/overrides").then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].createdBy", equalTo("sup-li"))
                .body("items[0].endedBy", equalTo("expiry")).body("items[0].endedAt", equalTo("2027-01-31T16:00:00Z"));
        as("SUPERVISOR").when().delete(path).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anEndedOverrideGivesBackTheRulesTierAtOnce() {
        String customer = importantCustomer("2026-10-01T02:00:00Z");
        String path = "/api/v1/customers/" + customer + "/tiers/VALUE/override";
        as("ADMIN").contentType("application/json").body(Map.of("tier", "BASIC", "reason", "disputed orders",
                "expiresAt", "2027-06-30T16:00:00Z")).when().put(path).then().statusCode(200);
        awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"", "\"toTier\":\"BASIC\"");

        asUser("admin-chen", "ADMIN").when().delete(path).then().statusCode(204);
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".tier", equalTo("IMPORTANT")).body(VALUE + ".override", nullValue());
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers/overrides").then()
                .body("items[0].endedBy", equalTo("admin-chen"));
    }

    @Test
    void anAppealHoldsTheDowngradeAndIsDecidedBySomeoneElse() {
        String customer = importantCustomer("2025-12-10T02:00:00Z");
        long upgrade = latestChange(customer);

        asUser("am-zhao", "ACCOUNT_MANAGER").contentType("application/json").body(Map.of("scheme", "VALUE",
                "changeId", upgrade, "reason", "the order was booked on the wrong account")).when()
                .post("/api/v1/customers/" + customer + "/tiers/appeals").then().statusCode(201)
                .header("Location", containsString("/api/v1/tier-appeals/")).body("status", equalTo("PENDING"));
        clock.set(Instant.parse("2026-12-02T08:00:00Z")); // the purchase aged out: the downgrade is held
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then()
                .body(VALUE + ".tier", equalTo("IMPORTANT")).body(VALUE + ".pendingTier", equalTo("POTENTIAL"))
                .body(VALUE + ".downgradeAt", nullValue()).body(VALUE + ".pendingAppeal", org.hamcrest.Matchers
                        .notNullValue());
        String appeal = as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers/appeals").then()
                .extract().path("items[0].id");

        asUser("am-zhao", "SUPERVISOR").contentType("application/json").body(Map.of("decision", "UPHELD",
                "reason", "x")).when().post("/api/v1/tier-appeals/" + appeal + "/decision").then().statusCode(403)
                .body("detail", containsString("another reviewer must decide it"));
        as("SUPERVISOR").contentType("application/json").body(Map.of("decision", "MAYBE", "reason", "x")).when()
                .post("/api/v1/tier-appeals/" + appeal + "/decision").then().statusCode(400);
        as("AGENT").contentType("application/json").body(Map.of("decision", "UPHELD", "reason", "x")).when()
                .post("/api/v1/tier-appeals/" + appeal + "/decision").then().statusCode(403);
        as("SUPERVISOR").queryParam("status", "PENDING").when().get("/api/v1/tier-appeals").then()
                .body("items.find { it.id == '" + appeal + "' }.filedBy", equalTo("am-zhao"));

        asUser("sup-li", "SUPERVISOR").contentType("application/json").body(Map.of("decision", "UPHELD",
                "reason", "the upgrade was right")).when().post("/api/v1/tier-appeals/" + appeal + "/decision")
                .then().statusCode(200).body("status", equalTo("UPHELD")).body("decidedBy", equalTo("sup-li"));
        // the hold is over: the grace period starts now
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".downgradeAt", equalTo("2027-01-01T08:00:00Z")).body(VALUE + ".pendingAppeal",
                        nullValue());
        ConsumerRecord<String, String> decided = awaitTierEvent(customer, DECIDED);
        assertThat(EventSchemas.violations(DECIDED, decided.value())).isEmpty();
        JsonPath data = JsonPath.from(decided.value());
        assertThat(data.getString("decision")).isEqualTo("UPHELD");
        assertThat(data.getString("filedBy")).isEqualTo("am-zhao");
        assertThat(data.getString("decidedBy")).isEqualTo("sup-li");
        assertThat(data.getString("resultingTier")).isEqualTo("IMPORTANT");
        asUser("sup-wu", "SUPERVISOR").contentType("application/json").body(Map.of("decision", "OVERTURNED",
                "reason", "x")).when().post("/api/v1/tier-appeals/" + appeal + "/decision").then().statusCode(409)
                .body("detail", containsString("already decided: UPHELD by sup-li"));
    }

    @Test
    void anOverturnedAppealBringsTheFormerTierBackAndLateOrStaleAppealsAreRefused() {
        String customer = importantCustomer("2025-12-10T02:00:00Z");
        long upgrade = latestChange(customer);
        clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then().statusCode(200);
        clock.set(Instant.parse("2027-01-01T08:00:00Z"));
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then()
                .body(VALUE + ".tier", equalTo("POTENTIAL"));
        long downgrade = latestChange(customer);
        String appeals = "/api/v1/customers/" + customer + "/tiers/appeals";

        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "changeId", upgrade, "reason",
                "x")).when().post(appeals).then().statusCode(409).body("detail", containsString("was followed by"));
        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "changeId", 999_999_999L,
                "reason", "x")).when().post(appeals).then().statusCode(404);
        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "reason", "x")).when()
                .post(appeals).then().statusCode(400);
        String appeal = asUser("agent-wang", "AGENT").contentType("application/json").body(Map.of("scheme",
                "VALUE", "changeId", downgrade, "reason", "a 50 000 order was refunded by mistake")).when()
                .post(appeals).then().statusCode(201).extract().path("id");
        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "changeId", downgrade,
                "reason", "again")).when().post(appeals).then().statusCode(409)
                .body("detail", containsString("already pending"));

        asUser("sup-li", "SUPERVISOR").contentType("application/json").body(Map.of("decision", "OVERTURNED",
                "reason", "the refund was reversed")).when().post("/api/v1/tier-appeals/" + appeal + "/decision")
                .then().statusCode(200).body("status", equalTo("OVERTURNED"));
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".tier", equalTo("IMPORTANT"))
                .body(VALUE + ".override.expiresAt", equalTo("2027-04-01T08:00:00Z"));
        ConsumerRecord<String, String> decided = awaitTierEvent(customer, DECIDED);
        assertThat(decided.value()).contains("\"decision\":\"OVERTURNED\"", "\"resultingTier\":\"IMPORTANT\"",
                "\"appealedFromTier\":\"IMPORTANT\"", "\"appealedToTier\":\"POTENTIAL\"");
        ConsumerRecord<String, String> back = awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"",
                "\"direction\":\"UP\"", "overturned the change");
        assertThat(EventSchemas.violations(CHANGED, back.value())).isEmpty();

        clock.set(Instant.parse("2027-02-01T08:00:01Z")); // 31 days after the downgrade
        long overturn = latestChange(customer);
        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "changeId", overturn,
                "reason", "late")).when().post(appeals).then().statusCode(409)
                .body("detail", containsString("within 30 days"));
    }

    @Test
    void unknownCustomersSchemesAndAppealsAnswer404AndBadFiltersAnswer400() {
        String nobody = UUID.randomUUID().toString();
        String appeal = UUID.randomUUID().toString();
        as("ANALYST").when().get("/api/v1/customers/" + nobody + "/tiers/overrides").then().statusCode(404)
                .contentType("application/problem+json");
        as("SUPERVISOR").contentType("application/json").body(Map.of("tier", "CORE", "reason", "x", "expiresAt",
                "2027-01-31T16:00:00Z")).when().put("/api/v1/customers/" + nobody + "/tiers/VALUE/override").then()
                .statusCode(404);
        as("AGENT").contentType("application/json").body(Map.of("scheme", "VALUE", "changeId", 1, "reason", "x"))
                .when().post("/api/v1/customers/" + nobody + "/tiers/appeals").then().statusCode(404);
        as("ANALYST").when().get("/api/v1/tier-appeals/" + appeal).then().statusCode(404)
                .body("detail", containsString(appeal));
        as("SUPERVISOR").contentType("application/json").body(Map.of("decision", "UPHELD", "reason", "x")).when()
                .post("/api/v1/tier-appeals/" + appeal + "/decision").then().statusCode(404);
        as("ANALYST").queryParam("status", "MAYBE").when().get("/api/v1/tier-appeals").then().statusCode(400)
                .contentType("application/problem+json");
        as("ANALYST").when().get("/api/v1/tier-schemes/NOPE/distribution").then().statusCode(404);
        as("AGENT").when().get("/api/v1/tier-appeals").then().statusCode(403);
    }

    /** Registered 2025-06-01 with account manager am-zhao, one 40 000 CNY purchase: IMPORTANT. */
    private static String importantCustomer(String purchasedAt) {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-06-01T02:00:00Z", "am-zhao");
        purchase(customer, UUID.randomUUID(), "40000.00", purchasedAt);
        awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"", "\"toTier\":\"IMPORTANT\"");
        return customer;
    }

    private static long latestChange(String customer) {
        return as("ANALYST").queryParam("scheme", "VALUE").when()
                .get("/api/v1/customers/" + customer + "/tiers/history").then().extract().jsonPath()
                .getLong("items[0].id");
    }
}
