package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.complaintFiled;
import static io.tiercare.tiering.support.Events.complaintRated;
import static io.tiercare.tiering.support.Events.complaintResolved;
import static io.tiercare.tiering.support.Events.purchase;
import static io.tiercare.tiering.support.Events.registered;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.TestOutbox;
import io.tiercare.tiering.service.JobView;
import io.tiercare.tiering.service.DailyEvaluation;
import io.tiercare.testing.OnTestDay;
import jakarta.inject.Inject;

@QuarkusTest
class ComplaintsWarningsAndJobsTest extends OnTestDay {

    private static final String VALUE = "tiers.find { it.scheme == 'VALUE' }";
    private static final String WARNING = "tiercare.tier.downgrade-warning.v1";

    @Inject
    DailyEvaluation daily;

    @Inject
    DataSource dataSource;

    @Test
    void anOpenSevereComplaintHoldsTheDowngradeAndTheWarningComesTwoWeeksBeforeItIsDue() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-06-01T02:00:00Z");
        purchase(customer, UUID.randomUUID(), "40000.00", "2025-12-10T02:00:00Z");
        awaitTierEvent(customer, "tiercare.tier.changed.v1", "\"toTier\":\"IMPORTANT\"");
        UUID complaint = UUID.randomUUID();
        complaintFiled(customer, complaint, "HIGH", "2026-11-21T02:00:00Z");
        awaitMetric(customer, "severeOpenComplaints", 1);

        clock.set(Instant.parse("2026-12-02T08:00:00Z")); // the purchase has aged out: POTENTIAL is due, but held
        as("SUPERVISOR").when().post("/api/v1/customers/" + customer + "/tiers/evaluation").then().statusCode(200)
                .body(VALUE + ".tier", equalTo("IMPORTANT"))
                .body(VALUE + ".pendingTier", equalTo("POTENTIAL"))
                .body(VALUE + ".downgradeAt", nullValue());

        clock.set(Instant.parse("2026-12-03T08:00:00Z"));
        complaintResolved(customer, complaint, "2026-12-03T07:00:00Z");
        awaitMetric(customer, "severeOpenComplaints", 0);
        // the grace period starts when the hold ends: 30 days, warned 14 days before
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".tier", equalTo("IMPORTANT"))
                .body(VALUE + ".downgradeAt", equalTo("2027-01-02T08:00:00Z"));

        clock.set(Instant.parse("2026-12-18T08:00:00Z")); // the day before the warning is due
        runDaily();
        assertThat(TestOutbox.published(dataSource, "tier.events", WARNING)).noneMatch(r -> customer.equals(r.key()));
        clock.set(Instant.parse("2026-12-19T08:00:00Z"));
        JobView job = runDaily();
        assertThat(job.customersDone()).isEqualTo(job.customers()).isPositive();
        ConsumerRecord<String, String> warning = awaitTierEvent(customer, WARNING, "\"scheme\":\"VALUE\"");
        assertThat(EventSchemas.violations(WARNING, warning.value())).isEmpty();
        JsonPath data = JsonPath.from(warning.value());
        assertThat(data.getString("scheme")).isEqualTo("VALUE");
        assertThat(data.getString("currentTier")).isEqualTo("IMPORTANT");
        assertThat(data.getString("pendingTier")).isEqualTo("POTENTIAL");
        assertThat(data.getString("downgradeAt")).isEqualTo("2027-01-02T08:00:00Z");
        assertThat(data.getString("warnedAt")).isEqualTo("2026-12-19T08:00:00Z");
        assertThat(data.getList("toKeep")).isNotEmpty();

        clock.set(Instant.parse("2027-01-02T08:00:00Z"));
        runDaily();
        ConsumerRecord<String, String> down = awaitTierEvent(customer, "tiercare.tier.changed.v1",
                "\"scheme\":\"VALUE\"", "\"direction\":\"DOWN\"");
        assertThat(down.value()).contains("\"toTier\":\"POTENTIAL\"", "daily evaluation (grace period over)",
                "\"effectiveAt\":\"2027-01-02T08:00:00Z\"");
        long warnings = TestOutbox.published(dataSource, "tier.events", WARNING).stream()
                .filter(r -> customer.equals(r.key()) && r.value().contains("\"scheme\":\"VALUE\"")).count();
        assertThat(warnings).as("one warning per pending downgrade").isEqualTo(1);
    }

    @Test
    void complaintEventsCountWhateverOrderTheyArriveIn() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2026-06-01T02:00:00Z"); // 174 days ago: not CHURNED (365), not yet SILENT (180)
        UUID late = UUID.randomUUID();
        complaintResolved(customer, late, "2026-11-21T02:00:00Z"); // its filing arrives after its resolution
        complaintFiled(customer, late, "CRITICAL", "2026-11-20T02:00:00Z");
        UUID open = UUID.randomUUID();
        complaintFiled(customer, open, "LOW", "2026-11-21T03:00:00Z");
        complaintRated(customer, late, 2, "2026-11-21T05:00:00Z");
        complaintRated(customer, late, 2, "2026-11-21T05:00:00Z"); // a second rating of the same resolution

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".explanation.metrics.complaints12m", equalTo(2))
                .body(VALUE + ".explanation.metrics.openComplaints", equalTo(1))
                .body(VALUE + ".explanation.metrics.severeOpenComplaints", equalTo(0))
                .body(VALUE + ".explanation.metrics.ratings", equalTo(1))
                .body(VALUE + ".explanation.metrics.averageRating", equalTo(2.0f))
                .body(VALUE + ".explanation.metrics.tenureDays", equalTo(174)));
        // a complainant is a VIP member (domain.md §3), and a low rating makes them DISSATISFIED
        as("ANALYST").when().get("/api/v1/customers/" + customer + "/tiers").then()
                .body("tiers.find { it.scheme == 'MEMBERSHIP' }.tier", equalTo("VIP"))
                .body("tiers.find { it.scheme == 'LIFECYCLE' }.tier", equalTo("DISSATISFIED"));
    }

    @Test
    void aReEvaluationJobReportsItsProgressAndTheDailyRunStartsOncePerDay() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-06-01T02:00:00Z");
        awaitTierEvent(customer, "tiercare.tier.changed.v1", "\"scheme\":\"VALUE\"");

        String location = as("SUPERVISOR").contentType("application/json").body("{\"reason\":\"quarterly review\"}")
                .when().post("/api/v1/tier-evaluations").then().statusCode(202)
                .body("reason", equalTo("quarterly review")).body("requestedBy", equalTo("test-supervisor"))
                .extract().header("Location");
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ANALYST").when().get(location)
                .then().statusCode(200).body("status", equalTo("COMPLETED")));
        JsonPath job = as("ANALYST").when().get(location).then().extract().jsonPath();
        assertThat(job.getInt("chunksDone")).isEqualTo(job.getInt("chunks"));
        assertThat(job.getInt("customersDone")).isEqualTo(job.getInt("customers")).isPositive();
        assertThat(job.getString("finishedAt")).isNotNull();
        as("ANALYST").when().get("/api/v1/tier-evaluations").then().statusCode(200)
                .body("items.find { it.reason == 'quarterly review' }.status", equalTo("COMPLETED"));

        clock.set(Instant.parse("2027-03-03T16:30:00Z")); // 00:30 on 4 March in Shanghai
        runDaily(); // awaited to the end, so no job of this test is still working when the next test starts
        assertThat(daily.run()).as("the same day's run, scheduled by another replica").isNull();

        as("ANALYST").contentType("application/json").body("{}").when().post("/api/v1/tier-evaluations").then()
                .statusCode(403);
        as("ADMIN").contentType("application/json").body("{\"reason\":\"" + "x".repeat(201) + "\"}").when()
                .post("/api/v1/tier-evaluations").then().statusCode(400)
                .contentType("application/problem+json");
        as("ANALYST").when().get("/api/v1/tier-evaluations/" + UUID.randomUUID()).then().statusCode(404);
    }

    private JobView runDaily() {
        JobView job = daily.run();
        assertThat(job).isNotNull();
        Awaitility.await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/tier-evaluations/" + job.id()).then().body("status", equalTo("COMPLETED")));
        return as("ANALYST").when().get("/api/v1/tier-evaluations/" + job.id()).then().extract().as(JobView.class);
    }

    private static void awaitMetric(String customer, String metric, int value) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/customers/" + customer + "/tiers").then()
                .body(VALUE + ".explanation.metrics." + metric, equalTo(value)));
    }
}
