package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import jakarta.inject.Inject;

/** The work queue: who sees what, the explicit actions, and what an illegal or malformed one answers. */
@QuarkusTest
class WorkQueueTest extends OnTestDay {

    private static final String AM_QUEUE_1 = Customers.manager("am-queue-1");
    private static final String AM_QUEUE_2 = Customers.manager("am-queue-2");
    private static final String AM_QUEUE_3 = Customers.manager("am-queue-3");
    private static final String AM_QUEUE_4 = Customers.manager("am-queue-4");
    private static final String AM_QUEUE_5 = Customers.manager("am-queue-5");
    private static final String AM_QUEUE_6 = Customers.manager("am-queue-6");
    private static final String AM_QUEUE_7 = Customers.manager("am-queue-7");
    private static final String AM_QUEUE_8 = Customers.manager("am-queue-8");
    private static final String AM_QUEUE_9 = Customers.manager("am-queue-9");

    @Inject
    DataSource dataSource;

    private String coreVisit(String manager) {
        String customer = Customers.registered(dataSource, manager);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        return TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid and "
                + "item_code = 'CORE_VISIT'", customer);
    }

    @Test
    void anAccountManagerWorksTheirTaskFromStartToDone() {
        String task = coreVisit(AM_QUEUE_1);
        asUser(AM_QUEUE_1, "ACCOUNT_MANAGER").when().post("/api/v1/care-tasks/" + task + "/start").then()
                .statusCode(200).body("status", equalTo("IN_PROGRESS"));
        clock.set(java.time.Instant.parse("2026-11-25T03:00:00Z"));
        JsonPath done = asUser(AM_QUEUE_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "REACHED", "satisfaction", 4, "notes", "客户手机 13812341234 已更新"))
                .when().post("/api/v1/care-tasks/" + task + "/complete").then().statusCode(200).extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("DONE");
        assertThat(done.getString("outcome")).isEqualTo("REACHED");
        assertThat(done.getInt("satisfaction")).isEqualTo(4);
        assertThat(done.getString("closedBy")).isEqualTo(AM_QUEUE_1);
        assertThat(done.getString("notes")).isEqualTo("客户手机 13812341234 已更新");
        assertThat(done.getList("actions")).isEmpty();

        as("ANALYST").when().get("/api/v1/care-tasks/" + task).then().statusCode(200)
                .body("notes", equalTo("客户手机 138****1234 已更新"));
        asUser(AM_QUEUE_1, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks/" + task + "/history").then()
                .statusCode(200).body("items.action", org.hamcrest.Matchers.contains("start", "complete"))
                .body("items[0].actor", equalTo(AM_QUEUE_1));
        as("SUPERVISOR").when().get("/api/v1/care-tasks/" + task).then().statusCode(200)
                .body("notes", equalTo("客户手机 13812341234 已更新"));
        // the notes went unmasked to the manager (the answer to complete) and the supervisor: both audited, the
        // analyst's masked read and the answers without notes not
        String customer = TestDatabase.text(dataSource, "select customer_id::text from care_task where id = ?::uuid",
                task);
        assertThat(TestDatabase.text(dataSource, "select string_agg(actor || ':' || action, ',' order by "
                + "occurred_at, action) from personal_data_read where customer_id = ?::uuid", customer))
                .isEqualTo(AM_QUEUE_1 + ":COMPLETE,test-supervisor:READ");
    }

    @Test
    void anIllegalActionAnswers409NamingTheAllowedOnes() {
        String task = coreVisit(AM_QUEUE_2);
        asUser(AM_QUEUE_2, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("reason", "客户出国"))
                .when().post("/api/v1/care-tasks/" + task + "/skip").then().statusCode(200)
                .body("status", equalTo("SKIPPED"));
        asUser(AM_QUEUE_2, "ACCOUNT_MANAGER").when().post("/api/v1/care-tasks/" + task + "/start").then()
                .statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("while it is SKIPPED (allowed now: none)"));
    }

    @Test
    void anotherManagersTaskIsExactlyAsUnknownAsAnUnknownId() {
        String task = coreVisit(AM_QUEUE_3);
        String unknown = java.util.UUID.randomUUID().toString();
        JsonPath foreign = asUser(AM_QUEUE_4, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks/" + task).then()
                .statusCode(404).extract().jsonPath();
        JsonPath missing = asUser(AM_QUEUE_4, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks/" + unknown)
                .then().statusCode(404).extract().jsonPath();
        assertThat(foreign.getString("title")).isEqualTo(missing.getString("title"));
        assertThat(foreign.getString("detail").replace(task, "ID"))
                .isEqualTo(missing.getString("detail").replace(unknown, "ID"));
        asUser(AM_QUEUE_4, "ACCOUNT_MANAGER").when().post("/api/v1/care-tasks/" + task + "/start").then()
                .statusCode(404);
        asUser(AM_QUEUE_4, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?manager=" + AM_QUEUE_3).then()
                .statusCode(403);
        asUser(AM_QUEUE_4, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }

    @Test
    void aSupervisorFiltersEveryonesQueueAndReassigns() {
        String task = coreVisit(AM_QUEUE_5);
        JsonPath page = as("SUPERVISOR").when()
                .get("/api/v1/care-tasks?manager=" + AM_QUEUE_5 + "&kind=VISIT&tier=CORE")
                .then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("items.id")).containsExactly(task);
        as("SUPERVISOR").when().get("/api/v1/care-tasks?manager=" + AM_QUEUE_5 + "&kind=GIFT&view=DUE_TODAY").then()
                .statusCode(200).body("totalItems", equalTo(0));
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("assignee", AM_QUEUE_6)).when()
                .post("/api/v1/care-tasks/" + task + "/reassign").then().statusCode(200)
                .body("assignee", equalTo(AM_QUEUE_6));
        asUser(AM_QUEUE_6, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks/" + task).then().statusCode(200);
        asUser(AM_QUEUE_5, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("assignee", "am-x"))
                .when().post("/api/v1/care-tasks/" + task + "/reassign").then().statusCode(403);
    }

    @Test
    void theQueueSortsByDueDateAndSplitsTodayOverdueUpcoming() {
        String task = coreVisit(AM_QUEUE_7); // due Friday 4 December
        clock.set(java.time.Instant.parse("2026-12-04T02:00:00Z"));
        asUser(AM_QUEUE_7, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?view=DUE_TODAY").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(task));
        clock.set(java.time.Instant.parse("2026-12-05T02:00:00Z"));
        asUser(AM_QUEUE_7, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?view=OVERDUE").then()
                .statusCode(200).body("items.id", org.hamcrest.Matchers.contains(task))
                .body("items[0].overdue", equalTo(true));
        asUser(AM_QUEUE_7, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?view=UPCOMING").then()
                .statusCode(200).body("items.itemCode", org.hamcrest.Matchers.contains("CORE_GIFT"));
    }

    @Test
    void malformedRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        String task = coreVisit(AM_QUEUE_8);
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "REACHED")).when().post("/api/v1/care-tasks/" + task + "/complete").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("satisfaction"));
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "MAYBE")).when().post("/api/v1/care-tasks/" + task + "/complete").then()
                .statusCode(400).body("violations[0].field", equalTo("outcome"));
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("dueOn", "+999999999-12-31", "reason", "x")).when()
                .post("/api/v1/care-tasks/" + task + "/reschedule").then().statusCode(400);
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("reason", "bad\u0000byte")).when().post("/api/v1/care-tasks/" + task + "/skip").then()
                .statusCode(400);
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?page=2147483647&size=200").then()
                .statusCode(400).body("violations[0].field", equalTo("page"));
        as("SUPERVISOR").queryParam("manager", "a\u0000b").when().get("/api/v1/care-tasks").then().statusCode(400)
                .body("violations[0].field", equalTo("manager"));
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?view=SOON").then().statusCode(400)
                .body("violations[0].field", equalTo("view"));
        asUser(AM_QUEUE_8, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks/not-a-uuid").then().statusCode(400)
                .body("violations[0].field", equalTo("id"));
        assertThat(TestDatabase.text(dataSource, "select status from care_task where id = ?::uuid", task))
                .isEqualTo("SCHEDULED");
    }

    @Test
    void rolesWithoutBusinessInTheQueueAreRefused() {
        as("AGENT").when().get("/api/v1/care-tasks").then().statusCode(403);
        as("INTEGRATION").when().get("/api/v1/care-tasks").then().statusCode(403);
        io.restassured.RestAssured.when().get("/api/v1/care-tasks").then().statusCode(401);
        String task = coreVisit(AM_QUEUE_9);
        as("ANALYST").when().post("/api/v1/care-tasks/" + task + "/start").then().statusCode(403);
    }
}
