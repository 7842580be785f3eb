package io.tiercare.complaint.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * The 1-24-48 rule told as of Sunday 22 November 2026, 16:00 in Shanghai: a complaint's deadlines, its workflow with
 * a pause, a late resolution whose breach stays recorded, a reopen; the refusals; the events it publishes.
 */
@QuarkusTest
class ComplaintLifecycleTest extends OnTestDay {

    @Inject
    DataSource dataSource;

    @Test
    void aComplaintRunsTheWholeWorkflowAgainstItsDeadlines() {
        String customer = Customers.registered(dataSource);
        JsonPath filed = file(customer, "MEDIUM", null).then().statusCode(201)
                .header("Location", containsString("/api/v1/complaints/")).extract().jsonPath();
        String id = filed.getString("id");
        assertThat(filed.getString("status")).isEqualTo("FILED");
        assertThat(filed.getInt("slaPolicyVersion")).isEqualTo((Integer) as("AGENT").when()
                .get("/api/v1/sla-policies/current").then().extract().path("version"));
        assertThat(filed.getString("slaClock")).isEqualTo("CALENDAR");
        assertThat(filed.getString("filedBy")).isEqualTo("agent-wang");
        assertThat(milestone(filed, "ACKNOWLEDGE", "dueAt")).isEqualTo("2026-11-22T09:00:00Z");
        assertThat(milestone(filed, "PLAN", "dueAt")).isEqualTo("2026-11-23T08:00:00Z");
        assertThat(milestone(filed, "RESOLVE", "dueAt")).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(milestone(filed, "ACKNOWLEDGE", "state")).isEqualTo("ON_TRACK");

        clock.advance(Duration.ofMinutes(50)); // 50 of 60 minutes: past 80 %
        assertThat(milestone(get(id), "ACKNOWLEDGE", "state")).isEqualTo("AT_RISK");
        JsonPath acknowledged = act(id, "acknowledge", "已致电客户").then().statusCode(200).extract().jsonPath();
        assertThat(acknowledged.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(milestone(acknowledged, "ACKNOWLEDGE", "state")).isEqualTo("MET");
        assertThat(milestone(acknowledged, "ACKNOWLEDGE", "breached")).isEqualTo(false);

        clock.advance(Duration.ofHours(2)); // 18:50: waiting on the customer's photos
        JsonPath waiting = act(id, "wait", "请客户提供故障照片").then().statusCode(200).extract().jsonPath();
        assertThat(waiting.getString("status")).isEqualTo("WAITING_ON_CUSTOMER");
        assertThat(milestone(waiting, "PLAN", "state")).isEqualTo("PAUSED");
        assertThat(milestone(waiting, "PLAN", "dueAt")).isNull();
        // 24 h from 16:00 less 2 h 50 min used
        assertThat(((Number) milestone(waiting, "PLAN", "remainingSeconds")).longValue())
                .isEqualTo(Duration.ofMinutes(21 * 60 + 10).toSeconds());

        clock.advance(Duration.ofHours(10)); // the photos come at 04:50 on the 23rd
        JsonPath resumed = act(id, "resume", null).then().statusCode(200).extract().jsonPath();
        assertThat(resumed.getString("status")).isEqualTo("ACKNOWLEDGED");
        assertThat(resumed.getLong("pausedSeconds")).isEqualTo(Duration.ofHours(10).toSeconds());
        assertThat(milestone(resumed, "PLAN", "dueAt")).isEqualTo("2026-11-23T18:00:00Z"); // moved by 10 h
        assertThat(milestone(resumed, "RESOLVE", "dueAt")).isEqualTo("2026-11-24T18:00:00Z");

        act(id, "plan", "更换压缩机,周二上门").then().statusCode(200).body("status", equalTo("PLAN_PROPOSED"));
        clock.set(TEST_DAY.plus(Duration.ofHours(60))); // past the resolve deadline (58 h after filing)
        assertThat(milestone(get(id), "RESOLVE", "state")).isEqualTo("BREACHED");
        JsonPath resolved = act(id, "resolve", "已更换,客户确认正常").then().statusCode(200).extract().jsonPath();
        assertThat(resolved.getString("status")).isEqualTo("RESOLVED");
        assertThat(milestone(resolved, "RESOLVE", "state")).isEqualTo("MET");
        assertThat(milestone(resolved, "RESOLVE", "breached")).as("the breach stays recorded").isEqualTo(true);
        assertThat(milestone(resolved, "RESOLVE", "breachedAt")).isEqualTo("2026-11-24T18:00:00Z");

        act(id, "close", null).then().statusCode(200).body("status", equalTo("CLOSED")).body("closedAt",
                equalTo("2026-11-24T20:00:00Z"));
        clock.advance(Duration.ofDays(1));
        JsonPath reopened = act(id, "reopen", "故障复发").then().statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("REOPENED");
        assertThat(reopened.getInt("reopenCount")).isEqualTo(1);
        assertThat(reopened.getString("closedAt")).isNull();
        Map<String, Object> round2 = reopened.getMap("milestones.find { it.kind == 'RESOLVE' && it.round == 2 }");
        assertThat(round2.get("dueAt")).as("the resolve clock restarts: 48 h from the reopen")
                .isEqualTo("2026-11-27T20:00:00Z");
        assertThat(round2.get("state")).isEqualTo("ON_TRACK");

        List<String> actions = as("SUPERVISOR").when().get("/api/v1/complaints/" + id + "/timeline").then()
                .statusCode(200).extract().jsonPath().getList("items.action");
        assertThat(actions).containsExactly("FILE", "ACKNOWLEDGE", "WAIT", "RESUME", "PROPOSE_PLAN", "RESOLVE",
                "CLOSE", "REOPEN");
        as("SUPERVISOR").when().get("/api/v1/complaints/" + id + "/timeline").then()
                .body("items[1].actor", equalTo("agent-wang")).body("items[1].note", equalTo("已致电客户"))
                .body("items[1].fromStatus", equalTo("FILED")).body("items[1].toStatus", equalTo("ACKNOWLEDGED"))
                .body("items[1].at", equalTo("2026-11-22T08:50:00Z"));

        List<ConsumerRecord<String, String>> events = TestOutbox.published(dataSource, "complaint.events").stream()
                .filter(r -> customer.equals(r.key())).toList();
        assertThat(events).extracting(r -> TestKafka.header(r, "ce_type")).containsExactly(
                "tiercare.complaint.filed.v1", "tiercare.complaint.acknowledged.v1",
                "tiercare.complaint.waiting.v1", "tiercare.complaint.resumed.v1",
                "tiercare.complaint.plan-proposed.v1", "tiercare.complaint.sla-breached.v1",
                "tiercare.complaint.resolved.v1", "tiercare.complaint.closed.v1", "tiercare.complaint.reopened.v1");
        JsonPath filedEvent = JsonPath.from(events.get(0).value());
        assertThat(filedEvent.getString("complaintId")).isEqualTo(id);
        assertThat(filedEvent.getString("customerId")).isEqualTo(customer);
        assertThat(filedEvent.getString("severity")).isEqualTo("MEDIUM");
        assertThat(filedEvent.getString("category")).isEqualTo("AFTER_SALES.REPAIR_DELAY");
        assertThat(filedEvent.getString("filedAt")).isEqualTo("2026-11-22T08:00:00Z");
        assertThat(filedEvent.getString("deadlines.resolveBy")).isEqualTo("2026-11-24T08:00:00Z");
        assertThat(events.get(0).value()).doesNotContain("空调").doesNotContain("13800138000");
        JsonPath lateBreach = JsonPath.from(events.get(5).value());
        assertThat(lateBreach.getString("milestone")).as("met late before the detector saw it").isEqualTo("RESOLVE");
        assertThat(lateBreach.getString("dueAt")).isEqualTo("2026-11-24T18:00:00Z");
        assertThat(JsonPath.from(events.get(6).value()).getString("resolvedAt")).isEqualTo("2026-11-24T20:00:00Z");
        assertThat(JsonPath.from(events.get(8).value()).getString("reopenedAt")).isEqualTo("2026-11-25T20:00:00Z");
    }

    /** Every status, the steps that lead there, and the actions allowed from it; every other action is a 409. */
    @Test
    void fromEveryStatusEveryActionButTheAllowedOnesIsRefused() {
        Map<String, List<String>> pathTo = new java.util.LinkedHashMap<>();
        pathTo.put("FILED", List.of());
        pathTo.put("ACKNOWLEDGED", List.of("acknowledge"));
        pathTo.put("PLAN_PROPOSED", List.of("acknowledge", "plan"));
        pathTo.put("WAITING_ON_CUSTOMER", List.of("acknowledge", "wait"));
        pathTo.put("RESOLVED", List.of("acknowledge", "resolve"));
        pathTo.put("CLOSED", List.of("acknowledge", "resolve", "close"));
        pathTo.put("REOPENED", List.of("acknowledge", "resolve", "reopen"));
        Map<String, List<String>> allowed = Map.of("FILED", List.of("acknowledge"),
                "ACKNOWLEDGED", List.of("plan", "wait", "resolve"), "PLAN_PROPOSED", List.of("wait", "resolve"),
                "WAITING_ON_CUSTOMER", List.of("resume"), "RESOLVED", List.of("close", "reopen"),
                "CLOSED", List.of("reopen"), "REOPENED", List.of("plan", "wait", "resolve"));
        List<String> actions = List.of("acknowledge", "plan", "wait", "resume", "resolve", "close", "reopen");
        String customer = Customers.registered(dataSource);
        for (var status : pathTo.entrySet()) {
            String id = file(customer, "LOW", null).then().statusCode(201).extract().path("id");
            status.getValue().forEach(step -> act(id, step, null).then().statusCode(200));
            assertThat(get(id).getString("status")).isEqualTo(status.getKey());
            for (String action : actions) {
                if (allowed.get(status.getKey()).contains(action)) {
                    continue;
                }
                act(id, action, null).then().statusCode(409).contentType("application/problem+json")
                        .body("detail", containsString("while it is " + status.getKey()));
            }
            assertThat(get(id).getString("status")).as("unchanged").isEqualTo(status.getKey());
            for (String action : allowed.get(status.getKey())) {
                // the allowed ones are allowed (each on a fresh complaint in the same status)
                String twin = file(customer, "LOW", null).then().statusCode(201).extract().path("id");
                status.getValue().forEach(step -> act(twin, step, null).then().statusCode(200));
                act(twin, action, null).then().statusCode(200);
            }
        }
    }

    @Test
    void eachResolutionIsRatedOnceAndALowRatingAsksForFollowUp() {
        String customer = Customers.registered(dataSource);
        String id = file(customer, "HIGH", null).then().statusCode(201).extract().path("id");
        rate(id, 4, null).then().statusCode(409).body("detail", containsString("while it is FILED"));
        act(id, "acknowledge", null).then().statusCode(200);
        act(id, "resolve", null).then().statusCode(200);
        rate(id, 6, null).then().statusCode(400).body("violations[0].field", containsString("rating"));
        clock.advance(Duration.ofHours(3));
        // the rating system reads complaints masked: its answer carries no text and no contact
        rate(id, 2, "还是有异响").then().statusCode(200).body("ratings[0].rating", equalTo(2))
                .body("ratings[0].resolution", equalTo(1)).body("ratings[0].comment", nullValue())
                .body("title", nullValue()).body("contact", equalTo("138****8000"));
        as("SUPERVISOR").when().get("/api/v1/complaints/" + id).then().body("ratings[0].comment", equalTo("还是有异响"));
        rate(id, 5, null).then().statusCode(409).body("detail", containsString("rated already"));
        act(id, "reopen", null).then().statusCode(200);
        rate(id, 5, null).then().statusCode(409);
        act(id, "resolve", null).then().statusCode(200);
        act(id, "close", null).then().statusCode(200);
        rate(id, 5, "满意").then().statusCode(200).body("ratings.rating", equalTo(List.of(2, 5)))
                .body("ratings[1].resolution", equalTo(2));

        List<JsonPath> rated = TestOutbox.published(dataSource, "complaint.events", "tiercare.complaint.rated.v1")
                .stream().filter(r -> customer.equals(r.key())).map(r -> JsonPath.from(r.value())).toList();
        assertThat(rated).hasSize(2);
        assertThat(rated.get(0).getInt("rating")).isEqualTo(2);
        assertThat(rated.get(0).getBoolean("followUpRequired")).isTrue();
        assertThat(rated.get(0).getString("ratedAt")).isEqualTo("2026-11-22T11:00:00Z");
        assertThat(rated.get(0).getString("complaintId")).isEqualTo(id);
        assertThat(rated.get(1).getBoolean("followUpRequired")).isFalse();
        assertThat(rated.get(1).getInt("resolution")).isEqualTo(2);
        assertThat(rated.get(0).prettify()).doesNotContain("异响");
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        String customer = Customers.registered(dataSource);
        String id = file(customer, "LOW", null).then().statusCode(201).extract().path("id");
        for (String action : List.of("plan", "wait", "resume", "resolve", "close", "reopen")) {
            act(id, action, null).then().statusCode(409).contentType("application/problem+json")
                    .body("detail", containsString("while it is FILED"));
        }
        act(id, "acknowledge", null).then().statusCode(200);
        act(id, "acknowledge", null).then().statusCode(409).body("detail", containsString("while it is ACKNOWLEDGED"));
        act(id, "close", null).then().statusCode(409);
        act(id, "resume", null).then().statusCode(409);
        act(id, "wait", null).then().statusCode(200);
        for (String action : List.of("acknowledge", "plan", "resolve", "wait", "close", "reopen")) {
            act(id, action, null).then().statusCode(409).body("detail",
                    containsString("while it is WAITING_ON_CUSTOMER"));
        }
        act(id, "resume", null).then().statusCode(200);
        act(id, "resolve", null).then().statusCode(200);
        act(id, "close", null).then().statusCode(200);
        as("AGENT").contentType(ContentType.JSON).body("{\"assignee\":\"agent-li\"}").when()
                .post("/api/v1/complaints/" + id + "/assign").then().statusCode(409);
        assertThat(as("SUPERVISOR").when().get("/api/v1/complaints/" + id + "/timeline").then().extract().jsonPath()
                .getList("items.action")).containsExactly("FILE", "ACKNOWLEDGE", "WAIT", "RESUME", "RESOLVE", "CLOSE");
        act(UUID.randomUUID().toString(), "acknowledge", null).then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void aCoreCustomerGetsTheGreenChannelAndACriticalComplaintToo() {
        String core = Customers.registered(dataSource);
        Customers.valueTier(dataSource, core, "CORE");
        JsonPath green = file(core, "LOW", null).then().statusCode(201).extract().jsonPath();
        assertThat(green.getString("customerTier")).isEqualTo("CORE");
        assertThat(milestone(green, "ACKNOWLEDGE", "dueAt")).isEqualTo("2026-11-22T08:30:00Z");
        assertThat(milestone(green, "PLAN", "dueAt")).isEqualTo("2026-11-22T20:00:00Z");
        assertThat(milestone(green, "RESOLVE", "dueAt")).isEqualTo("2026-11-23T08:00:00Z");

        String basic = Customers.registered(dataSource);
        JsonPath critical = file(basic, "CRITICAL", null).then().statusCode(201).extract().jsonPath();
        assertThat(milestone(critical, "ACKNOWLEDGE", "dueAt")).isEqualTo("2026-11-22T08:30:00Z");
        assertThat(critical.getString("customerTier")).isNull();
    }

    @Test
    void assignmentsNotesAndRatingsRefuseBadInput() {
        String customer = Customers.registered(dataSource);
        String id = file(customer, "LOW", null).then().statusCode(201).extract().path("id");
        as("AGENT").contentType(ContentType.JSON).body("{}").when().post("/api/v1/complaints/" + id + "/assign")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].message", equalTo("name an assignee, a team or both"));
        as("AGENT").contentType(ContentType.JSON).body(Map.of("team", "after-sales-east")).when()
                .post("/api/v1/complaints/" + id + "/assign").then().statusCode(200)
                .body("team", equalTo("after-sales-east")).body("assignee", nullValue());
        as("AGENT").contentType(ContentType.JSON).body(Map.of("note", " ")).when()
                .post("/api/v1/complaints/" + id + "/notes").then().statusCode(400)
                .body("violations[0].field", containsString("note"));
        as("AGENT").contentType(ContentType.JSON).body(Map.of("note", "客户来电催促")).when()
                .post("/api/v1/complaints/" + id + "/notes").then().statusCode(200);
        String missing = UUID.randomUUID().toString();
        as("AGENT").contentType(ContentType.JSON).body(Map.of("rating", 3)).when()
                .post("/api/v1/complaints/" + missing + "/rating").then().statusCode(404);
        as("AGENT").contentType(ContentType.JSON).body(Map.of("team", "t")).when()
                .post("/api/v1/complaints/" + missing + "/assign").then().statusCode(404);
        as("AGENT").contentType(ContentType.JSON).body(Map.of("note", "n")).when()
                .post("/api/v1/complaints/" + missing + "/notes").then().statusCode(404);
        as("AGENT").when().get("/api/v1/complaints/" + missing).then().statusCode(404);
        as("AGENT").when().get("/api/v1/complaints/" + missing + "/timeline").then().statusCode(404);
        assertThat(as("SUPERVISOR").when().get("/api/v1/complaints/" + id + "/timeline").then().extract()
                .jsonPath().getList("items.action")).containsExactly("FILE", "ASSIGN", "NOTE");
    }

    @Test
    void aRetriedSubmitFilesOneComplaint() {
        String customer = Customers.registered(dataSource);
        String key = "submit-" + UUID.randomUUID();
        String first = file(customer, "MEDIUM", key).then().statusCode(201).extract().path("id");
        file(customer, "MEDIUM", key).then().statusCode(200).body("id", equalTo(first));
        file(customer, "HIGH", key).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("Idempotency-Key " + key + " was used for a different complaint"));
        as("AGENT").queryParam("customerId", customer).when().get("/api/v1/complaints").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(first));
    }

    @Test
    void concurrentRetriesWithOneKeyFileOneComplaint() throws Exception {
        String customer = Customers.registered(dataSource);
        String key = "race-" + UUID.randomUUID();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<io.restassured.response.Response>> answers = pool.invokeAll(
                    java.util.Collections.nCopies(8, () -> file(customer, "MEDIUM", key)));
            List<Integer> statuses = new java.util.ArrayList<>();
            java.util.Set<String> ids = new java.util.HashSet<>();
            for (var answer : answers) {
                statuses.add(answer.get().statusCode());
                ids.add(answer.get().jsonPath().getString("id"));
            }
            assertThat(statuses).containsOnly(201, 200).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        as("AGENT").queryParam("customerId", customer).when().get("/api/v1/complaints").then()
                .body("totalItems", equalTo(1));
    }

    @Test
    void anAccountManagerSeesOnlyTheirCustomersComplaintsAndAnalystsSeeContactsMasked() {
        String mine = Customers.registered(dataSource, "am-zhang");
        String theirs = Customers.registered(dataSource, "am-li");
        String mineId = file(mine, "LOW", null).then().statusCode(201).extract().path("id");
        String theirsId = file(theirs, "LOW", null).then().statusCode(201).extract().path("id");

        asUser("am-zhang", "ACCOUNT_MANAGER").when().get("/api/v1/complaints/" + mineId).then().statusCode(200)
                .body("contact", equalTo("13800138000"));
        asUser("am-zhang", "ACCOUNT_MANAGER").when().get("/api/v1/complaints/" + theirsId).then().statusCode(404);
        asUser("am-zhang", "ACCOUNT_MANAGER").when().get("/api/v1/complaints/" + theirsId + "/timeline").then()
                .statusCode(404);
        asUser("am-zhang", "ACCOUNT_MANAGER").queryParam("customerId", theirs).when().get("/api/v1/complaints")
                .then().statusCode(200).body("totalItems", equalTo(0));
        asUser("am-zhang", "ACCOUNT_MANAGER").queryParam("customerId", mine).when().get("/api/v1/complaints")
                .then().body("totalItems", equalTo(1));
        // another manager's customer is refused as an unknown id is, and only once the same wait is over
        long started = System.nanoTime();
        asUser("am-zhang", "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(body(theirs, "DELIVERY.LATE", "LOW")).when().post("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].message", equalTo("no customer " + theirs));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        String nobody = UUID.randomUUID().toString();
        started = System.nanoTime();
        asUser("am-zhang", "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(body(nobody, "DELIVERY.LATE", "LOW")).when().post("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].message", equalTo("no customer " + nobody));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(2));
        asUser("am-zhang", "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(body(mine, "DELIVERY.LATE", "LOW")).when().post("/api/v1/complaints").then().statusCode(201);

        as("ANALYST").when().get("/api/v1/complaints/" + theirsId).then().statusCode(200)
                .body("contact", equalTo("138****8000")).body("title", nullValue()).body("description", nullValue());
        act(theirsId, "acknowledge", "客户王女士手机13812348257").then().statusCode(200);
        as("ANALYST").when().get("/api/v1/complaints/" + theirsId + "/timeline").then().statusCode(200)
                .body("items.action", hasItem("ACKNOWLEDGE")).body("items.note", everyItem(nullValue()));
        as("SUPERVISOR").when().get("/api/v1/complaints/" + theirsId + "/timeline").then()
                .body("items.note", hasItem("客户王女士手机13812348257"));
        as("SUPERVISOR").when().get("/api/v1/complaints/" + theirsId).then().body("contact", equalTo("13800138000"));
        // unmasked reads by people are audited; the analyst's masked ones are not
        assertThat(TestDatabase.text(dataSource, "select string_agg(action || ':' || actor, ',' order by id) "
                + "from personal_data_read where customer_id = ?::uuid", theirs))
                .isEqualTo("FILE:agent-wang,ACKNOWLEDGE:agent-wang,READ:test-supervisor");
    }

    @Test
    void aComplaintFiledAMomentAfterTheCustomerWasCreatedIsAccepted() {
        Customers.registered(dataSource); // the consumer has caught up
        String customer = Customers.register(); // and this one is still on its way
        file(customer, "LOW", null).then().statusCode(201).body("customerId", equalTo(customer));
    }

    @Test
    void unknownAndErasedCustomersAreRefused() {
        String stranger = UUID.randomUUID().toString();
        file(stranger, "LOW", null).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("customerId"))
                .body("violations[0].message", equalTo("no customer " + stranger));

        String customer = Customers.registered(dataSource);
        String id = file(customer, "LOW", null).then().statusCode(201).extract().path("id");
        Customers.erased(dataSource, customer);
        file(customer, "LOW", null).then().statusCode(400)
                .body("violations[0].message", equalTo("customer " + customer + " has been erased"));
        as("SUPERVISOR").when().get("/api/v1/complaints/" + id).then().statusCode(200)
                .body("title", equalTo("[erased]")).body("description", nullValue()).body("contact", nullValue())
                .body("category", equalTo("AFTER_SALES.REPAIR_DELAY")).body("severity", equalTo("LOW"));
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() {
        String customer = Customers.registered(dataSource);
        as("AGENT").contentType(ContentType.JSON).body(body(customer, "NO_SUCH_CATEGORY", "LOW")).when()
                .post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("category"));
        as("AGENT").contentType(ContentType.JSON).body(body(customer, "DELIVERY.LATE", "APOCALYPTIC")).when()
                .post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json");
        as("AGENT").contentType(ContentType.JSON).body("{\"customerId\":\"" + customer + "\"}").when()
                .post("/api/v1/complaints").then().statusCode(400).contentType("application/problem+json");
        as("AGENT").contentType(ContentType.JSON).body(body(customer, "DELIVERY.LATE", "LOW")
                .replace("}", ",\"status\":\"CLOSED\"}")).when().post("/api/v1/complaints").then().statusCode(400);
        as("ANALYST").contentType(ContentType.JSON).body(body(customer, "DELIVERY.LATE", "LOW")).when()
                .post("/api/v1/complaints").then().statusCode(403);
        as("AGENT").queryParam("customerId", customer).when().get("/api/v1/complaints").then()
                .body("totalItems", equalTo(0));
    }

    private io.restassured.response.Response file(String customer, String severity, String idempotencyKey) {
        var request = asUser("agent-wang", "AGENT").contentType(ContentType.JSON)
                .body(body(customer, "AFTER_SALES.REPAIR_DELAY", severity));
        if (idempotencyKey != null) {
            request = request.header("Idempotency-Key", idempotencyKey);
        }
        return request.when().post("/api/v1/complaints");
    }

    private static String body(String customer, String category, String severity) {
        return """
                {"customerId":"%s","channel":"HOTLINE","category":"%s","severity":"%s",
                 "title":"空调维修等了一周还没人上门","description":"报修单 R-1029,师傅两次爽约",
                 "contact":"13800138000","occurredAt":"2026-11-20T06:15:00Z"}""".formatted(customer, category,
                severity);
    }

    private static io.restassured.response.Response act(String id, String action, String note) {
        return asUser("agent-wang", "AGENT").contentType(ContentType.JSON)
                .body(note == null ? "{}" : "{\"note\":\"" + note + "\"}").when()
                .post("/api/v1/complaints/" + id + "/" + action);
    }

    private static io.restassured.response.Response rate(String id, int rating, String comment) {
        return as("INTEGRATION").contentType(ContentType.JSON)
                .body(comment == null ? Map.of("rating", rating) : Map.of("rating", rating, "comment", comment))
                .when().post("/api/v1/complaints/" + id + "/rating");
    }

    private static JsonPath get(String id) {
        return as("AGENT").when().get("/api/v1/complaints/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static Object milestone(JsonPath complaint, String kind, String field) {
        return complaint.get("milestones.find { it.kind == '" + kind + "' && it.round == 1 }." + field);
    }
}
