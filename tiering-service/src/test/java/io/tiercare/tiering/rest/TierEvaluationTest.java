package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.tiering.support.Events;
import io.tiercare.testing.OnTestDay;

@QuarkusTest
class TierEvaluationTest extends OnTestDay {

    private static final String CHANGED = "tiercare.tier.changed.v1";

    @Test
    void aCustomerWith120000InTheLast12MonthsIsCoreAndLearnsWhenThatEnds() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-01-10T02:00:00Z");
        purchase(customer, UUID.randomUUID(), "50000.00", "2026-03-15T02:00:00Z");
        purchase(customer, UUID.randomUUID(), "70000.00", "2026-10-01T02:00:00Z");

        ConsumerRecord<String, String> core = awaitChange(customer, "\"toTier\":\"CORE\"");
        assertThat(core.value()).contains("\"scheme\":\"VALUE\"").contains("\"fromTier\":\"IMPORTANT\"")
                .contains("\"direction\":\"UP\"").contains("\"policyVersion\":1")
                .contains("\"reason\":\"purchase of 70000.00 CNY\"");

        // the membership level's change carries what it grants, for subscribers (care's birthday offer, say)
        ConsumerRecord<String, String> vip = Events.awaitTierEvent(customer, CHANGED, "\"scheme\":\"MEMBERSHIP\"",
                "\"toTier\":\"SUPER_VIP\"");
        assertThat(io.restassured.path.json.JsonPath.from(vip.value()).getMap("benefits")).containsEntry(
                "discountPercent", 20).containsEntry("birthdayOffer", true).containsEntry("freeAnnualRepair", true);
        assertThat(core.value()).doesNotContain("\"benefits\"");

        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then().statusCode(200)
                .body("tiers.find { it.scheme == 'VALUE' }.tier", equalTo("CORE"))
                .body("tiers.find { it.scheme == 'VALUE' }.tierName", equalTo("核心客户"))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.rule", equalTo("spend12m ≥ 100000"))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.spend12m", equalTo(120000.00f))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.earliestDowngrade", equalTo("2027-03-01"))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.nextTier", nullValue())
                .body("tiers.find { it.scheme == 'MEMBERSHIP' }.tier", equalTo("SUPER_VIP"))
                .body("tiers.find { it.scheme == 'MEMBERSHIP' }.benefits.discountPercent", equalTo(20))
                .body("tiers.find { it.scheme == 'ABCD' }.tier", equalTo("B"))
                .body("tiers.find { it.scheme == 'ABCD' }.score", equalTo(63.50f))
                .body("tiers.find { it.scheme == 'ABCD' }.explanation.breakdown.find { it.metric == 'spend12m' }"
                        + ".points", equalTo(100))
                .body("tiers.find { it.scheme == 'ABCD' }.explanation.toReachNext",
                        hasItem("score ≥ 80 (now 63.50, 16.50 short)"))
                .body("tiers.find { it.scheme == 'LIFECYCLE' }.tier", equalTo("ACTIVE"));
    }

    @Test
    void aBigPurchaseThatAgesOutDowngradesOnlyAfterTheGracePeriod() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-06-01T02:00:00Z");
        awaitChange(customer, "\"toTier\":\"POTENTIAL\""); // graded before the purchase arrives: then an upgrade
        purchase(customer, UUID.randomUUID(), "40000.00", "2025-12-10T02:00:00Z");
        awaitChange(customer, "\"toTier\":\"IMPORTANT\"");
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.toReachNext",
                        hasItem("spend 60000.00 CNY more by 2026-11-30"))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.earliestDowngrade", equalTo("2026-12-01"));

        clock.set(Instant.parse("2026-12-02T08:00:00Z")); // December 2025 has aged out: spend12m is 0
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then().statusCode(200)
                .body("tiers.find { it.scheme == 'VALUE' }.tier", equalTo("IMPORTANT"))
                .body("tiers.find { it.scheme == 'VALUE' }.pendingTier", equalTo("POTENTIAL"))
                .body("tiers.find { it.scheme == 'VALUE' }.downgradeAt", equalTo("2027-01-01T08:00:00Z"));

        clock.set(Instant.parse("2027-01-01T08:00:00Z"));
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then().statusCode(200)
                .body("tiers.find { it.scheme == 'VALUE' }.tier", equalTo("POTENTIAL"))
                .body("tiers.find { it.scheme == 'VALUE' }.pendingTier", nullValue());
        ConsumerRecord<String, String> down = awaitChange(customer, "\"direction\":\"DOWN\"");
        assertThat(down.value()).contains("\"fromTier\":\"IMPORTANT\"").contains("\"toTier\":\"POTENTIAL\"")
                .contains("grace period over").contains("\"effectiveAt\":\"2027-01-01T08:00:00Z\"");
        as("ANALYST").queryParam("scheme", "VALUE").when().get("/api/v1/customers/" + customer + "/tiers/history")
                .then().body("items.direction", equalTo(List.of("DOWN", "UP", "INITIAL")));
    }

    @Test
    void anUnknownCustomerHasNoTiers() {
        as("ANALYST").when().get("/api/v1/customers/" + UUID.randomUUID() + "/tiers").then().statusCode(404)
                .contentType("application/problem+json");
        as("ANALYST").when().get("/api/v1/customers/" + UUID.randomUUID() + "/tiers/history").then()
                .statusCode(404);
        as("SUPERVISOR").when().post("/api/v1/customers/" + UUID.randomUUID() + "/tiers/evaluation").then()
                .statusCode(404).contentType("application/problem+json");
        as("ANALYST").when().post("/api/v1/customers/" + UUID.randomUUID() + "/tiers/evaluation").then()
                .statusCode(403);
        as("ANALYST").when().get("/api/v1/customers/not-a-uuid/tiers").then().statusCode(400);
    }

    private ConsumerRecord<String, String> awaitChange(String customer, String contains) {
        return Events.awaitTierEvent(customer, CHANGED, "\"scheme\":\"VALUE\"", contains);
    }
}
