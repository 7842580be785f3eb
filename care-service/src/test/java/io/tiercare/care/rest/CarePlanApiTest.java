package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * The plan as data: the seeded default, a change validated whole, simulated, applied by a job that fans out through
 * Kafka; an item added opens tasks for its tier's customers, removed again it cancels them. The test ends on the
 * default plan it started from (other tests count on it).
 */
@QuarkusTest
class CarePlanApiTest extends OnTestDay {

    /** A scheme no earlier run used (the broker replays their tier events to this run's consumer). */
    private static final String CLUB = Customers.scheme("CLUB");

    private static final String AM_PLAN_1 = Customers.manager("am-plan-1");

    @Inject
    DataSource dataSource;

    @Test
    void theDefaultPlanIsSeeded() {
        JsonPath plan = as("ACCOUNT_MANAGER").when().get("/api/v1/care-plans/current").then().statusCode(200)
                .extract().jsonPath();
        assertThat(plan.getList("definition.items.code")).containsExactly("CORE_VISIT", "CORE_GIFT",
                "IMPORTANT_CALL", "IMPORTANT_SURVEY", "BASIC_MESSAGE", "POTENTIAL_FOLLOW_UP");
        assertThat(plan.getList("definition.items.cadence")).containsExactly("MONTHLY", "YEARLY", "EVERY_2_WEEKS",
                "QUARTERLY", "MONTHLY", "MONTHLY");
        assertThat(plan.getList("definition.items.owner")).containsExactly("ACCOUNT_MANAGER", "ACCOUNT_MANAGER",
                "ACCOUNT_MANAGER", "ACCOUNT_MANAGER", "AUTOMATED", "SALES");
        as("ANALYST").when().get("/api/v1/care-plans/1").then().statusCode(200).body("createdBy", equalTo("system"));
        as("ANALYST").when().get("/api/v1/care-plans/999").then().statusCode(404);
        as("AGENT").when().get("/api/v1/care-plans/current").then().statusCode(403);
        as("ANALYST").when().get("/api/v1/care-plans").then().statusCode(200)
                .body("items.version", org.hamcrest.Matchers.hasItem(1));
    }

    @Test
    void anUnknownJobIs404AndJobsAreForSupervisors() {
        as("SUPERVISOR").when().get("/api/v1/care-replan-jobs/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        as("SUPERVISOR").when().get("/api/v1/care-replan-jobs/not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        as("SUPERVISOR").when().get("/api/v1/care-replan-jobs?size=0").then().statusCode(400)
                .body("violations[0].field", equalTo("size"));
        as("ACCOUNT_MANAGER").when().get("/api/v1/care-replan-jobs").then().statusCode(403);
        as("ANALYST").contentType(ContentType.JSON).body(Map.of("escalateAfterWorkingDays", 1, "items", List.of()))
                .when().post("/api/v1/care-plans/simulations").then().statusCode(403);
    }

    @Test
    void aBadPlanIsRefusedWithEveryProblemNamedAndChangesNothing() {
        int before = as("ADMIN").when().get("/api/v1/care-plans/current").then().extract().path("version");
        JsonPath problem = as("ADMIN").contentType(ContentType.JSON).body("""
                {"note":"broken","definition":{"escalateAfterWorkingDays":-1,"items":[
                  {"code":"x","scheme":"VALUE","tier":"CORE","title":"t","kind":"VISIT","channel":"PHONE",
                   "cadence":"WEEKLY","owner":"SALES","dueWithinDays":30,"workingDays":false,"asksSatisfaction":false},
                  {"code":"OK","scheme":"VALUE","tier":"CORE","title":"","kind":"CALL","channel":"PHONE",
                   "cadence":"MONTHLY","owner":"SALES","dueWithinDays":3,"workingDays":true}]}}""")
                .when().put("/api/v1/care-plans/current").then().statusCode(400)
                .contentType("application/problem+json").extract().jsonPath();
        assertThat(problem.getList("violations.field")).containsExactly("escalateAfterWorkingDays", "items[0].code",
                "items[0].dueWithinDays", "items[1].title", "items[1].asksSatisfaction");
        as("ADMIN").contentType(ContentType.JSON).body("""
                {"note":"x","definition":{"escalateAfterWorkingDays":1,"items":[{"code":"A","kind":"HUG"}]}}""")
                .when().put("/api/v1/care-plans/current").then().statusCode(400);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("note", "x", "definition", Map.of()))
                .when().put("/api/v1/care-plans/current").then().statusCode(403);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("escalateAfterWorkingDays", -1, "items",
                List.of())).when().post("/api/v1/care-plans/simulations").then().statusCode(400)
                .body("violations[0].field", equalTo("escalateAfterWorkingDays"));
        as("ADMIN").when().get("/api/v1/care-plans/current").then().body("version", equalTo(before));
    }

    @Test
    void anAddedItemIsSimulatedAppliedByAJobAndRemovedAgain() {
        String gold1 = Customers.registered(dataSource, AM_PLAN_1);
        String gold2 = Customers.registered(dataSource, AM_PLAN_1);
        for (String customer : List.of(gold1, gold2)) {
            Customers.tierEvent(customer, CLUB, "SILVER", "GOLD", "2026-11-22T07:00:00Z");
            Customers.await(dataSource, "select count(*) from care_customer_tier where customer_id = ?::uuid "
                    + "and scheme = '" + CLUB + "'", customer);
        }
        Map<String, Object> defaults = as("ADMIN").when().get("/api/v1/care-plans/current").then().extract()
                .jsonPath().getMap("definition");
        @SuppressWarnings("unchecked")
        List<Object> items = new ArrayList<>((List<Object>) defaults.get("items"));
        items.add(Map.ofEntries(Map.entry("code", "CLUB_GOLD_CALL"), Map.entry("scheme", CLUB),
                Map.entry("tier", "GOLD"), Map.entry("title", "会员回访"), Map.entry("kind", "CALL"),
                Map.entry("channel", "PHONE"), Map.entry("cadence", "QUARTERLY"),
                Map.entry("owner", "ACCOUNT_MANAGER"), Map.entry("dueWithinDays", 5), Map.entry("workingDays", true),
                Map.entry("asksSatisfaction", true)));
        Map<String, Object> withClub = Map.of("escalateAfterWorkingDays", 3, "items", items);

        JsonPath simulation = as("SUPERVISOR").contentType(ContentType.JSON).body(withClub).when()
                .post("/api/v1/care-plans/simulations").then().statusCode(200).extract().jsonPath();
        assertThat(simulation.getInt("tasksCreated")).isEqualTo(2);
        assertThat(simulation.getInt("tasksCancelled")).isZero();
        assertThat(simulation.getList("items.itemCode")).containsExactly("CLUB_GOLD_CALL");
        assertThat(simulation.getString("items[0].change")).isEqualTo("ADDED");
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_task where item_code = ?",
                "CLUB_GOLD_CALL")).isZero();

        JsonPath applied = as("ADMIN").contentType(ContentType.JSON)
                .body(Map.of("note", "会员回访", "definition", withClub)).when().put("/api/v1/care-plans/current")
                .then().statusCode(200).extract().jsonPath();
        int version = applied.getInt("plan.version");
        awaitJob(applied.getString("job.id"));
        Customers.awaitOpen(dataSource, gold1, "CLUB_GOLD_CALL", 1);
        Customers.awaitOpen(dataSource, gold2, "CLUB_GOLD_CALL", 1);
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.plan-changed.v1"))
                .anyMatch(r -> r.key().equals("care-plan") && r.value().contains("\"version\":" + version));

        JsonPath back = as("SUPERVISOR").contentType(ContentType.JSON).body(defaults).when()
                .post("/api/v1/care-plans/simulations").then().statusCode(200).extract().jsonPath();
        assertThat(back.getList("items.itemCode")).containsExactly("CLUB_GOLD_CALL");
        assertThat(back.getString("items[0].change")).isEqualTo("REMOVED");
        assertThat(back.getInt("items[0].tasksCancelled")).isEqualTo(2);

        JsonPath restored = as("ADMIN").contentType(ContentType.JSON)
                .body(Map.of("note", "back to the default", "definition", defaults)).when()
                .put("/api/v1/care-plans/current").then().statusCode(200).extract().jsonPath();
        JsonPath job = awaitJob(restored.getString("job.id"));
        assertThat(job.getInt("tasksCancelled")).isGreaterThanOrEqualTo(2);
        Customers.awaitOpen(dataSource, gold1, "CLUB_GOLD_CALL", 0);
        assertThat(TestDatabase.text(dataSource, "select reason from care_task where customer_id = ?::uuid and "
                + "item_code = 'CLUB_GOLD_CALL'", gold1)).isEqualTo("care plan version " + (version + 1)
                        + ": the plan does not ask for CLUB_GOLD_CALL");
    }

    private static JsonPath awaitJob(String id) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> "COMPLETED".equals(
                as("SUPERVISOR").when().get("/api/v1/care-replan-jobs/" + id).then().statusCode(200).extract()
                        .path("status")));
        return as("SUPERVISOR").when().get("/api/v1/care-replan-jobs/" + id).then().extract().jsonPath();
    }
}
