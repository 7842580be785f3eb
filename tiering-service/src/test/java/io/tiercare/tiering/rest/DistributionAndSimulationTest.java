package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.testing.OnTestDay;

@QuarkusTest
class DistributionAndSimulationTest extends OnTestDay {

    /** VALUE with lower bars: CORE from 35 000, IMPORTANT from 4 000. */
    private static final String DRAFT = """
            {"note": "lower bars", "policy": {"tiers": [
              {"code": "CORE", "name": "核心客户", "when": {"metric": "spend12m", "op": "gte", "value": 35000}},
              {"code": "IMPORTANT", "name": "重要客户", "when": {"metric": "spend12m", "op": "gte", "value": 4000}},
              {"code": "BASIC", "name": "基础客户", "when": {"metric": "spend12m", "op": "gt", "value": 0}},
              {"code": "POTENTIAL", "name": "潜在客户"}],
             "downgrade": {"mode": "GRACE_PERIOD", "graceDays": 30, "warningDays": 14}}}""";

    @Test
    void aSimulationCountsWhoMovesAndChangesNothing() {
        JsonPath baseline = simulate(DRAFT);
        String core = customer("120000.00", "CORE");
        String important = customer("40000.00", "IMPORTANT");
        String basic = customer("5000.00", "BASIC");
        int history = historySize(important);

        JsonPath impact = simulate(DRAFT);
        assertThat(impact.getLong("customers") - baseline.getLong("customers")).isEqualTo(3);
        assertThat(impact.getLong("movedUp") - baseline.getLong("movedUp")).isEqualTo(2);
        assertThat(impact.getLong("movedDown") - baseline.getLong("movedDown")).isZero();
        assertThat(impact.getLong("unchanged") - baseline.getLong("unchanged")).isEqualTo(1);
        assertThat(moved(impact, "IMPORTANT", "CORE") - moved(baseline, "IMPORTANT", "CORE")).isEqualTo(1);
        assertThat(moved(impact, "BASIC", "IMPORTANT") - moved(baseline, "BASIC", "IMPORTANT")).isEqualTo(1);
        assertThat(count(impact, "after", "CORE") - count(baseline, "after", "CORE")).isEqualTo(2);
        assertThat(impact.getList("before.tier")).containsExactly("CORE", "IMPORTANT", "BASIC", "POTENTIAL");
        assertThat(impact.getString("movements[0].direction")).isIn("UP", "DOWN");

        // nothing changed: tiers, history, the scheme's version
        as("ANALYST").when().get("/api/v1/customers/" + important + "/tiers").then()
                .body("tiers.find { it.scheme == 'VALUE' }.tier", equalTo("IMPORTANT"));
        assertThat(historySize(important)).isEqualTo(history);
        as("ANALYST").when().get("/api/v1/tier-schemes/VALUE").then().body("version", equalTo(1));
        assertThat(core).isNotEqualTo(basic);

        as("ANALYST").contentType(ContentType.JSON).body("""
                {"policy": {"tiers": [{"code": "TOP", "when": {"metric": "spend13m", "op": "gte", "value": 1}},
                 {"code": "REST"}]}}""").when().post("/api/v1/tier-schemes/VALUE/simulations").then()
                .statusCode(400).body("violations.field", org.hamcrest.Matchers.hasItem("policy.tiers[0].when.metric"));
        as("AGENT").contentType(ContentType.JSON).body(DRAFT).when().post("/api/v1/tier-schemes/VALUE/simulations")
                .then().statusCode(403);
        as("ANALYST").contentType(ContentType.JSON).body(DRAFT).when().post("/api/v1/tier-schemes/NOPE/simulations")
                .then().statusCode(404);
    }

    @Test
    void theDistributionShowsCountsAndRevenuePerTierAndTheTrendAfterEachJob() {
        JsonPath before = distribution();
        customer("120000.00", "CORE");
        customer("40000.00", "IMPORTANT");
        JsonPath after = distribution();

        assertThat(after.getList("tiers.tier")).containsExactly("CORE", "IMPORTANT", "BASIC", "POTENTIAL");
        assertThat(after.getLong("customers") - before.getLong("customers")).isEqualTo(2);
        assertThat(count(after, "tiers", "CORE") - count(before, "tiers", "CORE")).isEqualTo(1);
        assertThat(revenue(after, "CORE").subtract(revenue(before, "CORE"))).isEqualByComparingTo("120000.00");
        assertThat(revenue(after, "IMPORTANT").subtract(revenue(before, "IMPORTANT")))
                .isEqualByComparingTo("40000.00");
        BigDecimal shares = after.getList("tiers.customerShare", Float.class).stream()
                .map(f -> new BigDecimal(f.toString())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(shares).isBetween(new BigDecimal("0.9996"), new BigDecimal("1.0004"));
        assertThat(after.getFloat("topFifthRevenueShare")).isBetween(0f, 1f);

        String job = as("SUPERVISOR").contentType(ContentType.JSON).body("{}").when()
                .post("/api/v1/tier-evaluations").then().statusCode(202).extract().path("id");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/tier-evaluations/" + job).then().body("status", equalTo("COMPLETED")));
        JsonPath trend = distribution();
        assertThat(trend.getString("trend[-1].day")).isEqualTo("2026-11-22");
        assertThat(trend.getList("trend[-1].tiers.tier")).contains("CORE", "IMPORTANT");

        as("ANALYST").queryParam("trendDays", 400).when().get("/api/v1/tier-schemes/VALUE/distribution").then()
                .statusCode(400);
        as("AGENT").when().get("/api/v1/tier-schemes/VALUE/distribution").then().statusCode(403);
    }

    private static String customer(String spend, String tier) {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-06-01T02:00:00Z");
        purchase(customer, UUID.randomUUID(), spend, "2026-10-01T02:00:00Z");
        awaitTierEvent(customer, "tiercare.tier.changed.v1", "\"scheme\":\"VALUE\"", "\"toTier\":\"" + tier + "\"");
        return customer;
    }

    private static JsonPath simulate(String draft) {
        return as("ANALYST").contentType(ContentType.JSON).body(draft).when()
                .post("/api/v1/tier-schemes/VALUE/simulations").then().statusCode(200).extract().jsonPath();
    }

    private static JsonPath distribution() {
        return as("ANALYST").when().get("/api/v1/tier-schemes/VALUE/distribution").then().statusCode(200)
                .extract().jsonPath();
    }

    private static long moved(JsonPath impact, String from, String to) {
        List<Map<String, Object>> moves = impact.getList("movements");
        return moves.stream().filter(m -> from.equals(m.get("from")) && to.equals(m.get("to")))
                .mapToLong(m -> ((Number) m.get("customers")).longValue()).sum();
    }

    private static long count(JsonPath path, String list, String tier) {
        return path.getLong(list + ".find { it.tier == '" + tier + "' }.customers");
    }

    private static BigDecimal revenue(JsonPath path, String tier) {
        return new BigDecimal(path.getString("tiers.find { it.tier == '" + tier + "' }.revenue12m"));
    }

    private static int historySize(String customer) {
        return as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers/history").then().extract()
                .path("totalItems");
    }
}
