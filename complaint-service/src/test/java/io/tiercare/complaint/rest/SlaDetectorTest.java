package io.tiercare.complaint.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.complaint.service.SlaDetector;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.EventSchemas;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * The detector escalates each milestone once: at risk → level 1 (supervisor), breached → level 2 (manager); a
 * paused milestone is left alone; the breach stays recorded when the milestone is met later.
 */
@QuarkusTest
class SlaDetectorTest extends OnTestDay {

    @Inject
    DataSource dataSource;
    @Inject
    SlaDetector detector;

    @Test
    void eachMilestoneIsEscalatedOnceAtRiskAndOnceBreached() {
        String customer = Customers.registered(dataSource);
        String id = file(customer);
        String waitingCustomer = Customers.registered(dataSource);
        String waiting = file(waitingCustomer);
        act(waiting, "acknowledge");
        act(waiting, "wait");
        detector.run();

        clock.set(TEST_DAY.plus(Duration.ofMinutes(47))); // the acknowledge milestone turns at risk at 48 min
        detector.run();
        assertThat(level(id, "ACKNOWLEDGE")).isZero();

        clock.set(TEST_DAY.plus(Duration.ofMinutes(49)));
        detector.run();
        assertThat(level(id, "ACKNOWLEDGE")).isEqualTo(1);
        detector.run();
        clock.set(TEST_DAY.plus(Duration.ofMinutes(61)));
        detector.run();
        detector.run();
        JsonPath breached = complaint(id);
        assertThat(milestone(breached, "ACKNOWLEDGE", "escalationLevel")).isEqualTo(2);
        assertThat(milestone(breached, "ACKNOWLEDGE", "breachedAt")).isEqualTo("2026-11-22T09:00:00Z");
        assertThat(milestone(breached, "PLAN", "escalationLevel")).isEqualTo(0);

        act(id, "acknowledge");
        JsonPath late = complaint(id);
        assertThat(milestone(late, "ACKNOWLEDGE", "state")).isEqualTo("MET");
        assertThat(milestone(late, "ACKNOWLEDGE", "breached")).isEqualTo(true);

        clock.set(TEST_DAY.plus(Duration.ofHours(20))); // 20 of the plan's 24 hours
        detector.run();
        assertThat(level(id, "PLAN")).isEqualTo(1);
        assertThat(level(waiting, "PLAN")).as("paused while waiting on the customer").isZero();

        List<ConsumerRecord<String, String>> events = TestOutbox.published(dataSource, "complaint.events").stream()
                .filter(r -> customer.equals(r.key())).toList();
        assertThat(events).extracting(r -> TestKafka.header(r, "ce_type")).containsExactly(
                "tiercare.complaint.filed.v1",
                "tiercare.complaint.sla-at-risk.v1", "tiercare.complaint.escalated.v1",
                "tiercare.complaint.sla-breached.v1", "tiercare.complaint.escalated.v1",
                "tiercare.complaint.acknowledged.v1",
                "tiercare.complaint.sla-at-risk.v1", "tiercare.complaint.escalated.v1");
        EventSchemas.assertConform(events, "/tiercare/complaint-service");
        JsonPath atRisk = JsonPath.from(events.get(1).value());
        assertThat(atRisk.getString("milestone")).isEqualTo("ACKNOWLEDGE");
        assertThat(atRisk.getString("dueAt")).isEqualTo("2026-11-22T09:00:00Z");
        assertThat(atRisk.getString("detectedAt")).isEqualTo("2026-11-22T08:49:00Z");
        assertThat(atRisk.getInt("escalationLevel")).isEqualTo(1);
        JsonPath escalated = JsonPath.from(events.get(4).value());
        assertThat(escalated.getInt("escalationLevel")).isEqualTo(2);
        assertThat(escalated.getString("escalatedTo")).isEqualTo("MANAGER");
        assertThat(escalated.getString("reason")).isEqualTo("BREACHED");
        assertThat(TestOutbox.published(dataSource, "complaint.events").stream()
                .filter(r -> waitingCustomer.equals(r.key()))
                .map(r -> TestKafka.header(r, "ce_type"))).doesNotContain("tiercare.complaint.sla-at-risk.v1",
                        "tiercare.complaint.sla-breached.v1");
    }

    @Test
    void anAdministratorCanRunTheDetectorNow() {
        String id = file(Customers.registered(dataSource));
        clock.set(TEST_DAY.plus(Duration.ofMinutes(61)));
        as("AGENT").when().post("/api/v1/sla-detector/runs").then().statusCode(403);
        JsonPath run = as("ADMIN").when().post("/api/v1/sla-detector/runs").then().statusCode(200).extract()
                .jsonPath();
        assertThat(run.getInt("breached")).isPositive();
        assertThat(level(id, "ACKNOWLEDGE")).isEqualTo(2);
        as("ADMIN").when().post("/api/v1/sla-detector/runs").then().statusCode(200).body("breached",
                org.hamcrest.Matchers.equalTo(0)).body("atRisk", org.hamcrest.Matchers.equalTo(0));
    }

    private static String file(String customer) {
        return as("AGENT").contentType(ContentType.JSON).body("""
                {"customerId":"%s","channel":"APP","category":"BILLING.OVERCHARGE","severity":"MEDIUM",
                 "title":"重复扣款"}""".formatted(customer)).when().post("/api/v1/complaints").then()
                .statusCode(201).extract().path("id");
    }

    private static void act(String id, String action) {
        as("AGENT").contentType(ContentType.JSON).body("{}").when().post("/api/v1/complaints/" + id + "/" + action)
                .then().statusCode(200);
    }

    private static JsonPath complaint(String id) {
        return as("AGENT").when().get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static int level(String id, String kind) {
        return (Integer) milestone(complaint(id), kind, "escalationLevel");
    }

    private static Object milestone(JsonPath complaint, String kind, String field) {
        return complaint.get("milestones.find { it.kind == '" + kind + "' && it.round == 1 }." + field);
    }
}
