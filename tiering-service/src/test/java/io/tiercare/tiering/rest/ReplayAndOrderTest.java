package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.complaintFiled;
import static io.tiercare.tiering.support.Events.complaintRated;
import static io.tiercare.tiering.support.Events.inquiry;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.refund;
import static io.tiercare.tiering.support.Events.registered;
import static io.tiercare.tiering.support.Events.resend;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.OnTestDay;
import jakarta.inject.Inject;

/**
 * The projection is a function of the events: duplicates change nothing, the order of arrival does not matter, and
 * a projection rebuilt from a replay of the topics equals the one built live.
 */
@QuarkusTest
class ReplayAndOrderTest extends OnTestDay {

    @Inject
    DataSource dataSource;

    /** One customer's story: registration, two purchases, a refund of the first, an inquiry, a rated complaint. */
    private static List<Consumer<String>> story(UUID first, UUID second, UUID complaint) {
        return List.of(
                c -> registered(c, "2025-06-01T02:00:00Z"),
                c -> purchase(c, first, "50000.00", "2026-03-15T02:00:00Z"),
                c -> purchase(c, second, "70000.00", "2026-10-01T02:00:00Z"),
                c -> refund(c, first, "10000.00", "2026-11-01T02:00:00Z"),
                c -> inquiry(c, "2026-11-02T02:00:00Z"),
                c -> complaintFiled(c, complaint, "LOW", "2026-11-03T02:00:00Z"),
                c -> complaintRated(c, complaint, 4, "2026-11-05T02:00:00Z"));
    }

    @Test
    void theSameEventsInAnotherOrderGiveTheSameMetricsAndTiers() {
        String inOrder = UUID.randomUUID().toString();
        story(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).forEach(step -> step.accept(inOrder));
        String shuffled = UUID.randomUUID().toString();
        List<Consumer<String>> steps = new ArrayList<>(story(UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID()));
        // the refund before its purchase, the rating before the filing, the registration last
        for (int i : new int[] { 3, 6, 1, 4, 2, 5, 0 }) {
            steps.get(i).accept(shuffled);
        }

        Map<String, Object> expected = settled(inOrder, 1);
        assertThat(metrics(expected, "VALUE")).containsEntry("spend12m", 110000.00f)
                .containsEntry("purchases12m", 2).containsEntry("inquiriesTotal", 1)
                .containsEntry("complaints12m", 1).containsEntry("averageRating", 4.0f);
        assertThat(settled(shuffled, 1)).isEqualTo(expected);
    }

    @Test
    void duplicatesChangeNothingAndARebuildFromTheTopicsEqualsTheLiveProjection() throws SQLException {
        String customer = UUID.randomUUID().toString();
        story(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()).forEach(step -> step.accept(customer));
        Map<String, Object> live = settled(customer, 1);
        List<ConsumerRecord<String, String>> recorded = new ArrayList<>();
        for (String topic : List.of("customer.events", "complaint.events")) {
            recorded.addAll(TestKafka.readAll(topic).stream().filter(r -> customer.equals(r.key())).toList());
        }
        assertThat(recorded).hasSize(7);

        recorded.forEach(io.tiercare.tiering.support.Events::resend); // delivered twice
        inquiry(customer, "2026-11-06T02:00:00Z"); // after the duplicates on the same partition
        Map<String, Object> afterDuplicates = metrics(settled(customer, 2), "VALUE");
        assertThat(afterDuplicates).containsEntry("spend12m", 110000.00f).containsEntry("purchases12m", 2)
                .containsEntry("complaints12m", 1).containsEntry("ratings", 1);

        // rebuild: forget everything about the customer, then replay the topics' records as they were
        forget(customer, recorded);
        recorded.forEach(io.tiercare.tiering.support.Events::resend);
        assertThat(settled(customer, 1)).isEqualTo(live);
    }

    /**
     * The customer's tier and explained metrics in every scheme, once every event of the story is in (each of these
     * values needs the last of its kind: the refund, the inquiries, the rating, the registration).
     */
    private static Map<String, Object> settled(String customer, int inquiries) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/customers/" + customer + "/tiers").then().statusCode(200)
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.inquiriesTotal", equalTo(inquiries))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.ratings", equalTo(1))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.spend12m", equalTo(110000.00f))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.tenureDays",
                        org.hamcrest.Matchers.notNullValue()));
        JsonPath tiers = as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then().extract()
                .jsonPath();
        Map<String, Object> state = new java.util.TreeMap<>();
        for (String scheme : List.of("VALUE", "MEMBERSHIP", "ABCD", "LIFECYCLE")) {
            String at = "tiers.find { it.scheme == '" + scheme + "' }";
            state.put(scheme + ".tier", tiers.getString(at + ".tier"));
            state.put(scheme + ".score", tiers.getString(at + ".score"));
            state.put(scheme + ".metrics", tiers.getMap(at + ".explanation.metrics"));
        }
        return state;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> metrics(Map<String, Object> state, String scheme) {
        return (Map<String, Object>) state.get(scheme + ".metrics");
    }

    private void forget(String customer, List<ConsumerRecord<String, String>> recorded) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String table : List.of("customer_tier", "tier_history", "spend_month", "purchase_fact",
                    "complaint_fact", "customer_metrics")) {
                try (PreparedStatement delete = c.prepareStatement("delete from " + table
                        + " where customer_id = ?")) {
                    delete.setObject(1, UUID.fromString(customer));
                    delete.executeUpdate();
                }
            }
            try (PreparedStatement delete = c.prepareStatement("delete from inbox_message where event_id = ?")) {
                for (ConsumerRecord<String, String> r : recorded) {
                    delete.setString(1, TestKafka.header(r, "ce_id"));
                    delete.executeUpdate();
                }
            }
        }
    }
}
