package io.tiercare.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;

/** What the customer 360 keeps of each service's answer (pure). */
class Customer360PartsTest {

    @Test
    void onlyComplaintsNotYetResolvedOrClosedAreOpen() {
        JsonObject open = Customer360.openComplaints(Buffer.buffer("""
                {"items":[{"id":"a","status":"ACKNOWLEDGED"},{"id":"b","status":"RESOLVED"},
                          {"id":"c","status":"CLOSED"},{"id":"d","status":"REOPENED"}]}"""));
        assertThat(open.getJsonArray("open").stream().map(c -> ((JsonObject) c).getString("id")))
                .containsExactly("a", "d");
    }

    @Test
    void openCareTasksAreSplitIntoOverdueAndNextInTheServicesOrder() {
        JsonObject care = Customer360.careTasks(Buffer.buffer("""
                {"items":[{"id":"1","overdue":true},{"id":"2","overdue":false},{"id":"3"},{"id":"4","overdue":true}]}"""));
        assertThat(care.getJsonArray("overdue").stream().map(t -> ((JsonObject) t).getString("id")))
                .containsExactly("1", "4");
        assertThat(care.getJsonArray("next").stream().map(t -> ((JsonObject) t).getString("id")))
                .containsExactly("2", "3");
    }

    @Test
    void eachTierKeepsItsRuleAndWhatReachesTheNext() {
        JsonObject tiers = Customer360.tiers(Buffer.buffer("""
                {"tiers":[{"scheme":"VALUE","tier":"CORE","tierName":"核心","since":"2026-11-22T07:00:00Z",
                  "score":91,"explanation":{"rule":"spend12m ≥ 100000","nextTier":null,"toReachNext":[],
                  "breakdown":[{"indicator":"spend"}]}}]}"""));
        assertThat(tiers.getJsonArray("items").getJsonObject(0).getMap()).containsEntry("scheme", "VALUE")
                .containsEntry("tier", "CORE").containsEntry("tierName", "核心")
                .containsEntry("since", "2026-11-22T07:00:00Z").containsEntry("rule", "spend12m ≥ 100000")
                .doesNotContainKey("breakdown").doesNotContainKey("score");
    }
}
