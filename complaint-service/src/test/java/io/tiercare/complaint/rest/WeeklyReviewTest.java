package io.tiercare.complaint.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.complaint.service.QuietClose;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.OnTestDay;
import jakarta.inject.Inject;

/**
 * The weekly review on a known data set, told in a week of its own (a random Monday far from other tests' days) so
 * nothing else lands in it; and quiet resolved complaints closing themselves.
 */
@QuarkusTest
class WeeklyReviewTest extends OnTestDay {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    DataSource dataSource;
    @Inject
    QuietClose quietClose;

    @Test
    void theReviewCountsComplianceTimesReopensAndRatingsOfItsWeek() {
        LocalDate monday = LocalDate.of(2031, 1, 6).plusWeeks(ThreadLocalRandom.current().nextInt(0, 2000));
        String customer = Customers.registered(dataSource);

        at(monday.minusDays(3), 10, 0);
        file(customer, "DELIVERY.LATE", "HOTLINE", "LOW"); // the week before

        at(monday, 10, 0);
        String c1 = file(customer, "DELIVERY.LATE", "HOTLINE", "MEDIUM");
        at(monday, 11, 0);
        String c2 = file(customer, "DELIVERY.LATE", "APP", "LOW");
        at(monday.plusDays(1), 9, 0);
        String c3 = file(customer, "BILLING.OVERCHARGE", "HOTLINE", "HIGH");
        at(monday.plusDays(2), 10, 0);
        file(customer, "BILLING.OVERCHARGE", "WECHAT", "CRITICAL"); // never acknowledged

        at(monday, 10, 30);
        act(c1, "acknowledge");
        at(monday, 13, 0);
        act(c2, "acknowledge"); // 2 h: the 1 h promise broken
        at(monday.plusDays(1), 6, 0);
        act(c1, "resolve"); // 20 h
        at(monday.plusDays(1), 9, 10);
        act(c3, "acknowledge");
        at(monday.plusDays(1), 10, 0);
        act(c3, "plan");
        rate(c1, 5);
        at(monday.plusDays(1), 17, 0);
        act(c2, "resolve"); // 30 h
        rate(c2, 4);
        at(monday.plusDays(3), 11, 0);
        act(c3, "resolve"); // 50 h: the 48 h promise broken
        rate(c3, 2);
        at(monday.plusDays(3), 15, 0);
        act(c3, "reopen");
        at(monday.plusDays(4), 9, 0);
        act(c3, "resolve");

        at(monday.plusDays(7), 10, 0); // the review, the Monday after
        JsonPath review = as("ANALYST").queryParam("from", monday.toString())
                .queryParam("to", monday.plusDays(6).toString()).when()
                .get("/api/v1/complaint-reports/weekly-review").then().statusCode(200).extract().jsonPath();
        assertThat(review.getInt("filed")).isEqualTo(4);
        assertThat(review.getInt("resolved")).isEqualTo(3);
        assertThat(review.getDouble("resolutionRate")).isEqualTo(0.75);
        assertThat(review.getBoolean("resolutionTargetMet")).isFalse();
        assertThat(review.getInt("reopened")).isEqualTo(1);
        assertThat(review.getDouble("reopenRate")).isEqualTo(0.3333);
        assertThat(review.getString("previousFrom")).isEqualTo(monday.minusDays(7).toString());
        assertThat(review.getList("categories.category")).containsExactly("BILLING.OVERCHARGE", "DELIVERY.LATE");
        assertThat(review.getMap("categories.find { it.category == 'DELIVERY.LATE' }")).containsEntry("count", 2)
                .containsEntry("previous", 1).containsEntry("change", 1).containsEntry("share", 0.5f)
                .containsEntry("nameZh", "延迟送达");
        assertThat(review.getMap("categories.find { it.category == 'BILLING.OVERCHARGE' }"))
                .containsEntry("previous", 0).containsEntry("change", 2);
        assertThat(review.getList("channels.key")).containsExactly("HOTLINE", "APP", "WECHAT");
        assertThat(review.getList("severities.count")).containsExactly(1, 1, 1, 1);
        assertThat(review.getMap("tiers[0]")).containsEntry("key", "UNGRADED").containsEntry("count", 4);
        assertThat(review.getMap("sla.find { it.milestone == 'ACKNOWLEDGE' }")).containsEntry("met", 3)
                .containsEntry("metOnTime", 2).containsEntry("breached", 2).containsEntry("open", 0)
                .containsEntry("compliance", 0.5f);
        assertThat(review.getMap("sla.find { it.milestone == 'PLAN' }")).containsEntry("metOnTime", 2)
                .containsEntry("breached", 2);
        assertThat(review.getMap("sla.find { it.milestone == 'RESOLVE' }")).containsEntry("met", 4)
                .containsEntry("metOnTime", 3).containsEntry("breached", 2).containsEntry("compliance", 0.6f);
        assertThat(review.getMap("times.find { it.milestone == 'ACKNOWLEDGE' }")).containsEntry("count", 3)
                .containsEntry("meanMinutes", 53.3f).containsEntry("p90Minutes", 102.0f);
        assertThat(review.getMap("times.find { it.milestone == 'RESOLVE' }"))
                .containsEntry("meanMinutes", 2000.0f).containsEntry("p90Minutes", 2760.0f);
        assertThat(review.getMap("ratings")).containsEntry("count", 3).containsEntry("average", 3.67f)
                .containsEntry("shareFourOrMore", 0.6667f).containsEntry("targetMet", false);

        String csv = as("SUPERVISOR").queryParam("from", monday.toString())
                .queryParam("to", monday.plusDays(6).toString()).when()
                .get("/api/v1/complaint-reports/weekly-review/csv").then().statusCode(200)
                .contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("complaint-review-" + monday)).extract().asString();
        assertThat(csv.lines()).first().isEqualTo("section,key,count,share,previous,change,value");
        assertThat(csv.lines()).contains("totals,resolved,3,0.7500,,,target 1.00",
                "category,DELIVERY.LATE,2,0.5000,1,1,延迟送达",
                "sla,ACKNOWLEDGE,4,0.5000,,,met 3; on time 2; breached 2; open 0",
                "ratings,four-or-more,3,0.6667,,,target 0.90");

        as("ANALYST").queryParam("from", monday.toString()).when().get("/api/v1/complaint-reports/weekly-review")
                .then().statusCode(400).body("violations[0].field", equalTo("to"));
        as("ANALYST").queryParam("from", monday.toString()).queryParam("to", monday.minusDays(1).toString()).when()
                .get("/api/v1/complaint-reports/weekly-review").then().statusCode(400);
        as("AGENT").when().get("/api/v1/complaint-reports/weekly-review").then().statusCode(403);
    }

    @Test
    void aResolvedComplaintNobodyReopensClosesAfterAWeek() {
        String customer = Customers.registered(dataSource);
        String quiet = file(customer, "DELIVERY.DAMAGED", "APP", "LOW");
        String reopened = file(customer, "DELIVERY.DAMAGED", "APP", "LOW");
        for (String id : List.of(quiet, reopened)) {
            act(id, "acknowledge");
            act(id, "resolve");
        }
        clock.advance(Duration.ofDays(2));
        act(reopened, "reopen");
        clock.set(TEST_DAY.plus(Duration.ofDays(7)).minusSeconds(1));
        quietClose.run();
        as("AGENT").when().get("/api/v1/complaints/" + quiet).then().body("status", equalTo("RESOLVED"));
        clock.set(TEST_DAY.plus(Duration.ofDays(7)));
        assertThat(quietClose.run()).isPositive();
        as("AGENT").when().get("/api/v1/complaints/" + quiet).then().body("status", equalTo("CLOSED"))
                .body("closedAt", equalTo("2026-11-29T08:00:00Z"));
        as("AGENT").when().get("/api/v1/complaints/" + reopened).then().body("status", equalTo("REOPENED"));
        as("AGENT").when().get("/api/v1/complaints/" + quiet + "/timeline").then()
                .body("items[-1].action", equalTo("CLOSE")).body("items[-1].actor", equalTo(QuietClose.ACTOR))
                .body("items[-1].note", equalTo("closed after 7 days without a reopen"));
        act(quiet, "reopen"); // a closed complaint can still be reopened
    }

    private void at(LocalDate day, int hour, int minute) {
        clock.set(day.atTime(hour, minute).atZone(SHANGHAI).toInstant());
    }

    private static String file(String customer, String category, String channel, String severity) {
        return as("AGENT").contentType(ContentType.JSON).body(Map.of("customerId", customer, "channel", channel,
                "category", category, "severity", severity, "title", "复盘样本")).when().post("/api/v1/complaints")
                .then().statusCode(201).extract().path("id");
    }

    private static void act(String id, String action) {
        as("AGENT").contentType(ContentType.JSON).body("{}").when().post("/api/v1/complaints/" + id + "/" + action)
                .then().statusCode(200);
    }

    private static void rate(String id, int rating) {
        as("AGENT").contentType(ContentType.JSON).body(Map.of("rating", rating)).when()
                .post("/api/v1/complaints/" + id + "/rating").then().statusCode(200);
    }
}
