package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.apache.kafka.clients.consumer.ConsumerRecord;
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
 * A tier change re-plans the customer's care: the new tier's tasks open in the account manager's queue, the old
 * tier's open tasks are cancelled with the reason, done tasks stay as they were; the same change twice, or a stale
 * one, changes nothing. Told on Sunday 22 November 2026 (Shanghai).
 */
@QuarkusTest
class ReplanningTest extends OnTestDay {

    private static final String AM_REPLAN_1 = Customers.manager("am-replan-1");
    private static final String AM_REPLAN_2 = Customers.manager("am-replan-2");
    private static final String AM_REPLAN_3 = Customers.manager("am-replan-3");
    private static final String AM_REPLAN_4 = Customers.manager("am-replan-4");
    private static final String AM_REPLAN_5 = Customers.manager("am-replan-5");

    @Inject
    DataSource dataSource;

    @Test
    void becomingCoreOpensAMonthlyVisitAndAYearlyGiftInTheAccountManagersQueue() {
        String customer = Customers.registered(dataSource, AM_REPLAN_1);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        Customers.awaitOpen(dataSource, customer, "CORE_GIFT", 1);

        JsonPath queue = asUser(AM_REPLAN_1, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks").then()
                .statusCode(200).extract().jsonPath();
        assertThat(queue.getList("items.itemCode")).containsExactly("CORE_VISIT", "CORE_GIFT"); // by due date
        assertThat(queue.getString("items[0].dueOn")).isEqualTo("2026-12-04"); // 10 working days after Sunday 22
        assertThat(queue.getString("items[0].periodEnd")).isEqualTo("2026-12-22");
        assertThat(queue.getString("items[0].assignee")).isEqualTo(AM_REPLAN_1);
        assertThat(queue.getString("items[0].status")).isEqualTo("SCHEDULED");
        assertThat(queue.getList("items[0].actions")).containsExactly("complete", "reschedule", "skip", "start");
        assertThat(queue.getString("items[1].dueOn")).isEqualTo("2026-12-22"); // the gift: 30 calendar days

        List<ConsumerRecord<String, String>> scheduled = TestOutbox.published(dataSource, "care.events",
                "tiercare.care.task-scheduled.v1").stream().filter(r -> customer.equals(r.key())).toList();
        assertThat(scheduled).hasSize(2);
        JsonPath visit = JsonPath.from(scheduled.stream().filter(r -> r.value().contains("CORE_VISIT")).findFirst()
                .orElseThrow().value());
        assertThat(visit.getString("assignee")).isEqualTo(AM_REPLAN_1);
        assertThat(visit.getString("dueOn")).isEqualTo("2026-12-04");
        assertThat(visit.getString("explanation"))
                .isEqualTo("VALUE CORE: VISIT monthly, due within 10 working days, by the account manager");
    }

    @Test
    void aDowngradeCancelsWhatTheNewPlanNoLongerAsksForKeepsDoneTasksAndAddsTheNewOnes() {
        String customer = Customers.registered(dataSource, AM_REPLAN_2);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_GIFT", 1);
        String gift = TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid "
                + "and item_code = 'CORE_GIFT'", customer);
        asUser(AM_REPLAN_2, "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("outcome", "REACHED")).when().post("/api/v1/care-tasks/" + gift + "/complete").then()
                .statusCode(200).body("status", equalTo("DONE"));

        Customers.tier(dataSource, customer, "CORE", "IMPORTANT", "2026-11-22T07:30:00Z");
        Customers.awaitOpen(dataSource, customer, "IMPORTANT_CALL", 1);
        Customers.awaitOpen(dataSource, customer, "IMPORTANT_SURVEY", 1);
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 0);

        JsonPath all = asUser(AM_REPLAN_2, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks?view=ALL&size=50")
                .then().statusCode(200).extract().jsonPath();
        assertThat(all.getList("items", Map.class)).extracting(t -> t.get("itemCode") + " " + t.get("status"))
                .containsExactlyInAnyOrder("CORE_VISIT CANCELLED", "CORE_GIFT DONE", "IMPORTANT_CALL SCHEDULED",
                        "IMPORTANT_SURVEY SCHEDULED");
        assertThat(TestDatabase.text(dataSource, "select reason from care_task where customer_id = ?::uuid and "
                + "item_code = 'CORE_VISIT'", customer))
                .isEqualTo("VALUE tier CORE → IMPORTANT: the plan does not ask for CORE_VISIT");
        ConsumerRecord<String, String> cancelled = TestOutbox.published(dataSource, "care.events",
                "tiercare.care.task-cancelled.v1").stream().filter(r -> customer.equals(r.key())).findFirst()
                .orElseThrow();
        assertThat(JsonPath.from(cancelled.value()).getString("reason"))
                .isEqualTo("VALUE tier CORE → IMPORTANT: the plan does not ask for CORE_VISIT");
        assertThat(TestDatabase.number(dataSource, "select count(*) from care_schedule where customer_id = ?::uuid",
                customer)).isEqualTo(2); // IMPORTANT_CALL and IMPORTANT_SURVEY recur; nothing of CORE does
    }

    @Test
    void theSameTierEventTwiceOrAStaleOneChangesNothing() {
        String customer = Customers.registered(dataSource, AM_REPLAN_3);
        String first = Customers.tierEvent(customer, "VALUE", "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        long before = TestOutbox.appended(dataSource);

        // redelivered: the same event id
        TestKafka.send(TestKafka.cloudEvent("tier.events", customer, first, "tiercare.tier.changed.v1",
                "/tiercare/tiering-service", """
                        {"customerId":"%s","scheme":"VALUE","fromTier":"IMPORTANT","toTier":"CORE","direction":"UP",
                         "reason":"purchase","policyVersion":1,"effectiveAt":"2026-11-22T07:00:00Z"}"""
                        .formatted(customer)));
        // stale: a downgrade effective before the upgrade already applied, delivered late
        String stale = Customers.tierEvent(customer, "VALUE", "CORE", "BASIC", "2026-11-21T00:00:00Z");
        // the stale one comes after the duplicate on the customer's partition: once it is claimed, both are
        Customers.await(dataSource, "select count(*) from inbox_message where event_id = ?", stale);

        assertThat(TestDatabase.number(dataSource, "select count(*) from care_task where customer_id = ?::uuid",
                customer)).isEqualTo(2);
        assertThat(TestDatabase.text(dataSource, "select tier from care_customer_tier where customer_id = ?::uuid "
                + "and scheme = 'VALUE'", customer)).isEqualTo("CORE");
        assertThat(TestOutbox.appended(dataSource)).isEqualTo(before);
    }

    @Test
    void aNewAccountManagerTakesOverTheOpenTasks() {
        String customer = Customers.registered(dataSource, AM_REPLAN_4);
        Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
        Customers.awaitOpen(dataSource, customer, "CORE_VISIT", 1);
        Customers.accountManager(dataSource, customer, AM_REPLAN_5, "2026-11-22T08:00:00Z");
        Customers.await(dataSource, "select count(*) from care_task where customer_id = ?::uuid and item_code = "
                + "'CORE_VISIT' and assignee = '" + AM_REPLAN_5 + "'", customer);
        asUser(AM_REPLAN_5, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks").then().statusCode(200)
                .body("totalItems", equalTo(2));
        asUser(AM_REPLAN_4, "ACCOUNT_MANAGER").when().get("/api/v1/care-tasks").then().statusCode(200)
                .body("totalItems", equalTo(0));
    }
}
