package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.care.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/**
 * Tasks that events ask for: a welcome gift on reaching VIP (never the same gift twice, none on regaining a level
 * within the cool-down), a follow-up call after a resolved complaint, an escalation after a low rating; each once,
 * in the account manager's queue, naming its occasion; re-planning leaves them alone; erasure cancels them.
 */
@QuarkusTest
class EventTasksTest extends OnTestDay {

    private static final String MANAGER = Customers.manager("am-events");

    @Inject
    DataSource dataSource;

    @Test
    void reachingVipEarnsAWelcomeGiftOnceAndNeverTheSameGiftTwice() {
        String customer = Customers.registered(dataSource, MANAGER);
        membership(customer, "STANDARD", "VIP", "UP", "2026-11-22T07:00:00Z");
        awaitTasks(customer, "WELCOME_GIFT", 1);
        JsonPath gift = queue(customer).setRoot("items.find { it.itemCode == 'WELCOME_GIFT' }");
        assertThat(gift.getString("giftCode")).isEqualTo("FLOWERS");
        assertThat(gift.getString("title")).isEqualTo("迎新礼:鲜花");
        assertThat(gift.getString("kind")).isEqualTo("GIFT");
        assertThat(gift.getString("assignee")).isEqualTo(MANAGER);
        assertThat(gift.getString("dueOn")).isEqualTo("2026-11-27"); // 5 working days after Sunday the 22nd
        assertThat(gift.getString("occasion")).isEqualTo("WELCOME_GIFT:MEMBERSHIP:VIP:2026-11-22T07:00:00Z");
        assertThat(gift.getString("explanation"))
                .isEqualTo("MEMBERSHIP STANDARD → VIP: welcome gift FLOWERS, never given to this customer before");

        // the same change published twice, then dropped and regained within the cool-down: no second welcome
        membership(customer, "STANDARD", "VIP", "UP", "2026-11-22T07:00:00Z");
        membership(customer, "VIP", "STANDARD", "DOWN", "2026-11-22T07:10:00Z");
        membership(customer, "STANDARD", "VIP", "UP", "2026-11-22T07:20:00Z");
        // going higher is a new level: a gift the customer never had
        membership(customer, "VIP", "SUPER_VIP", "UP", "2026-11-22T07:30:00Z");
        awaitTasks(customer, "WELCOME_GIFT", 2);
        // each level its own gift (both tasks open at the same instant of the test clock: told apart by level)
        assertThat(TestDatabase.text(dataSource, "select string_agg(gift_code || '@' || split_part(occasion, ':', 3), "
                + "',' order by gift_code) from care_task where customer_id = ?::uuid and item_code = 'WELCOME_GIFT'",
                customer)).isEqualTo("CUSHION@SUPER_VIP,FLOWERS@VIP");

        // delivering it is completing the task: the event names the gift
        String task = gift.getString("id");
        asUser(MANAGER, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("outcome", "REACHED")).when()
                .post("/api/v1/care-tasks/" + task + "/complete").then().statusCode(200);
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.task-completed.v1"))
                .filteredOn(r -> r.value().contains(task)).singleElement().satisfies(r -> {
                    JsonPath event = JsonPath.from(r.value());
                    assertThat(event.getString("giftCode")).isEqualTo("FLOWERS");
                    assertThat(event.getString("occasion")).startsWith("WELCOME_GIFT:MEMBERSHIP:VIP:");
                });
    }

    @Test
    void aResolvedComplaintIsFollowedUpAndALowRatingEscalatedEachOnce() {
        String customer = Customers.registered(dataSource, MANAGER);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        String complaint = UUID.randomUUID().toString();
        complaintEvent(customer, complaint, "tiercare.complaint.resolved.v1", """
                {"complaintId":"%s","customerId":"%s","category":"AFTER_SALES.REPAIR_DELAY","severity":"MEDIUM",
                 "at":"2026-11-22T07:40:00Z","by":"agent-wang","status":"RESOLVED","pausedSeconds":0,
                 "resolvedAt":"2026-11-22T07:40:00Z"}""".formatted(complaint, customer));
        complaintEvent(customer, complaint, "tiercare.complaint.resolved.v1", """
                {"complaintId":"%s","customerId":"%s","resolvedAt":"2026-11-22T07:40:00Z"}"""
                .formatted(complaint, customer));
        complaintEvent(customer, complaint, "tiercare.complaint.rated.v1", """
                {"complaintId":"%s","customerId":"%s","category":"AFTER_SALES.REPAIR_DELAY","severity":"MEDIUM",
                 "resolution":1,"rating":2,"followUpRequired":true,"ratedAt":"2026-11-22T07:50:00Z"}"""
                .formatted(complaint, customer));
        awaitTasks(customer, "COMPLAINT_ESCALATION", 1);
        assertThat(count(customer, "COMPLAINT_FOLLOW_UP")).isEqualTo(1);

        JsonPath followUp = queue(customer).setRoot("items.find { it.itemCode == 'COMPLAINT_FOLLOW_UP' }");
        assertThat(followUp.getString("dueOn")).isEqualTo("2026-11-23"); // within 1 working day
        assertThat(followUp.getString("kind")).isEqualTo("CALL");
        assertThat(followUp.getBoolean("asksSatisfaction")).isTrue();
        assertThat(followUp.getString("occasion")).isEqualTo("COMPLAINT_FOLLOW_UP:" + complaint);
        assertThat(followUp.getString("explanation")).startsWith("complaint " + complaint + " resolved on ")
                .endsWith("a follow-up call within 1 working day(s) (VALUE CORE)");
        JsonPath escalation = queue(customer).setRoot("items.find { it.itemCode == 'COMPLAINT_ESCALATION' }");
        assertThat(escalation.getBoolean("escalated")).isTrue();
        assertThat(escalation.getString("explanation")).contains("rated 2 of 5: escalated to the supervisors");
        String escalationId = escalation.getString("id");
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.task-escalated.v1"))
                .filteredOn(r -> r.value().contains(escalationId)).singleElement()
                .satisfies(r -> assertThat(JsonPath.from(r.value()).getString("escalatedTo")).isEqualTo("SUPERVISOR"));

        // the follow-up's outcome and satisfaction go out, naming the complaint
        String followUpId = followUp.getString("id");
        asUser(MANAGER, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(Map.of("outcome", "REACHED",
                "satisfaction", 4)).when().post("/api/v1/care-tasks/" + followUpId + "/complete").then()
                .statusCode(200);
        assertThat(TestOutbox.published(dataSource, "care.events", "tiercare.care.task-completed.v1"))
                .filteredOn(r -> r.value().contains(followUpId)).singleElement().satisfies(r -> {
                    JsonPath event = JsonPath.from(r.value());
                    assertThat(event.getInt("satisfaction")).isEqualTo(4);
                    assertThat(event.getString("occasion")).isEqualTo("COMPLAINT_FOLLOW_UP:" + complaint);
                });
    }

    @Test
    void rePlanningLeavesEventTasksAloneAndErasureCancelsThem() {
        String customer = Customers.registered(dataSource, MANAGER);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        membership(customer, "STANDARD", "VIP", "UP", "2026-11-22T07:00:00Z");
        awaitTasks(customer, "WELCOME_GIFT", 1);
        Customers.tier(dataSource, customer, "CORE", "BASIC", "2026-11-22T07:30:00Z"); // re-plans the customer
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 0);
        assertThat(TestDatabase.text(dataSource, "select status from care_task where customer_id = ?::uuid and "
                + "item_code = 'WELCOME_GIFT'", customer)).isEqualTo("SCHEDULED");
        // a new account manager takes the gift over with the plan's tasks
        String successor = Customers.manager("am-events-next");
        Customers.accountManager(dataSource, customer, successor, "2026-11-22T07:40:00Z");
        Customers.await(dataSource, "select count(*) from care_task where customer_id = ?::uuid and item_code = "
                + "'WELCOME_GIFT' and status = 'SCHEDULED' and assignee = '" + successor + "'", customer);
        assertThat(TestDatabase.text(dataSource, "select note from care_task_action a join care_task t on "
                + "t.id = a.task_id where t.customer_id = ?::uuid and t.item_code = 'WELCOME_GIFT' and a.action = "
                + "'reassign'", customer)).isEqualTo("account manager changed");

        TestKafka.sendEvent("customer.events", customer, "tiercare.customer.erased.v1",
                "/tiercare/customer-service", """
                        {"customerId":"%s","erasedAt":"2026-11-22T09:00:00Z"}""".formatted(customer));
        Customers.await(dataSource, "select count(*) from care_task where customer_id = ?::uuid and item_code = "
                + "'WELCOME_GIFT' and status = 'CANCELLED'", customer);
        // an erased customer earns nothing more: once the next change is taken in, still the one cancelled gift
        String eventId = UUID.randomUUID().toString();
        TestKafka.send(TestKafka.cloudEvent("tier.events", customer, eventId, "tiercare.tier.changed.v1",
                "/tiercare/tiering-service", """
                        {"customerId":"%s","scheme":"MEMBERSHIP","fromTier":"VIP","toTier":"SUPER_VIP",
                         "direction":"UP","reason":"purchase","policyVersion":1,
                         "effectiveAt":"2026-11-22T09:30:00Z"}""".formatted(customer)));
        Customers.await(dataSource, "select count(*) from inbox_message where event_id = ?", eventId);
        assertThat(count(customer, "WELCOME_GIFT")).isEqualTo(1);
    }

    @Test
    void thePolicyAndTheCatalogueAreDataCheckedWhole() {
        JsonPath current = as("ANALYST").when().get("/api/v1/outreach-policy/current").then().statusCode(200)
                .body("definition.welcome.tiers", equalTo(List.of("VIP", "SUPER_VIP")))
                .body("definition.followUp.escalationWithinWorkingDays", equalTo(1)).extract().jsonPath();
        Map<String, Object> broken = Map.of("note", "x", "definition", Map.of(
                "welcome", Map.of("scheme", "MEMBERSHIP", "tiers", List.of(), "coolDownDays", 365,
                        "dueWithinWorkingDays", 0),
                "followUp", Map.of("scheme", "VALUE", "dueWithinWorkingDays", Map.of(), "otherwiseWithinWorkingDays",
                        1, "escalationWithinWorkingDays", 1)));
        as("ADMIN").contentType(ContentType.JSON).body(broken).when().put("/api/v1/outreach-policy/current").then()
                .statusCode(400).body("violations.field", equalTo(List.of("welcome.tiers",
                        "welcome.dueWithinWorkingDays")));
        as("SUPERVISOR").contentType(ContentType.JSON).body(broken).when().put("/api/v1/outreach-policy/current")
                .then().statusCode(403);
        as("ANALYST").when().get("/api/v1/outreach-policy").then().statusCode(200)
                .body("items[0].version", equalTo(current.getInt("version")));
        as("ACCOUNT_MANAGER").when().get("/api/v1/gifts").then().statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems("FLOWERS", "CUSHION", "FU_STICKER"));
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("name", "", "active", true, "position", 4)).when()
                .put("/api/v1/gifts/tea").then().statusCode(400)
                .body("violations.field", equalTo(List.of("code", "name")));
    }

    private static void membership(String customer, String from, String to, String direction, String at) {
        TestKafka.sendEvent("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service", """
                {"customerId":"%s","scheme":"MEMBERSHIP","fromTier":"%s","toTier":"%s","direction":"%s",
                 "reason":"purchase","policyVersion":1,"effectiveAt":"%s"}""".formatted(customer, from, to,
                direction, at));
    }

    private static void complaintEvent(String customer, String complaint, String type, String data) {
        TestKafka.sendEvent("complaint.events", complaint, type, "/tiercare/complaint-service", data);
    }

    private void awaitTasks(String customer, String item, int count) {
        Customers.await(dataSource, "select count(*) from care_task where customer_id = ?::uuid and item_code = '"
                + item + "'", customer, count);
    }

    private long count(String customer, String item) {
        return TestDatabase.number(dataSource, "select count(*) from care_task where customer_id = ?::uuid and "
                + "item_code = ?", customer, item);
    }

    private static JsonPath queue(String customer) {
        return as("SUPERVISOR").when().get("/api/v1/care-tasks?view=ALL&size=50&customerId=" + customer).then()
                .statusCode(200).extract().jsonPath();
    }
}
