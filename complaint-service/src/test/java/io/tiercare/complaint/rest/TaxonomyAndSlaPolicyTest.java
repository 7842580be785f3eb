package io.tiercare.complaint.rest;

import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestOutbox;
import jakarta.inject.Inject;

/** The taxonomy and SLA policies as data: managed through the API, validated, and used by new complaints. */
@QuarkusTest
class TaxonomyAndSlaPolicyTest extends OnTestDay {

    @Inject
    DataSource dataSource;

    @Test
    void bothTaxonomiesAreSeededAndCategoriesAreManaged() {
        as("AGENT").queryParam("taxonomy", "RETAIL").when().get("/api/v1/complaint-categories").then()
                .statusCode(200).body("items.code", hasItems("PRODUCT_QUALITY", "SERVICE_ATTITUDE", "DELIVERY",
                        "INSTALLATION", "BILLING", "AFTER_SALES", "AFTER_SALES.REPAIR_DELAY"));
        as("AGENT").when().get("/api/v1/complaint-categories/U95598.CHANNEL.HOTLINE").then().statusCode(200)
                .body("taxonomy", equalTo("UTILITY_95598")).body("parentCode", equalTo("U95598.CHANNEL"))
                .body("nameZh", equalTo("热线电话服务")).body("description", containsString("95598电话服务不通畅"));

        String code = "AFTER_SALES.SPARE_PARTS_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        JsonPath created = as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("code", code,
                "parentCode", "AFTER_SALES", "nameZh", "配件缺货", "nameEn", "Spare parts")).when()
                .post("/api/v1/complaint-categories").then().statusCode(201)
                .header("Location", containsString("/api/v1/complaint-categories/" + code)).extract().jsonPath();
        assertThat(created.getString("taxonomy")).as("taken from the parent").isEqualTo("RETAIL");
        assertThat(created.getBoolean("active")).isTrue();
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("code", code, "nameZh", "x", "nameEn", "x",
                "taxonomy", "RETAIL")).when().post("/api/v1/complaint-categories").then().statusCode(409);
        as("AGENT").contentType(ContentType.JSON).body(Map.of("code", "NEW", "taxonomy", "RETAIL", "nameZh", "x",
                "nameEn", "x")).when().post("/api/v1/complaint-categories").then().statusCode(403);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("code", "lower case", "taxonomy", "RETAIL",
                "nameZh", "x", "nameEn", "x")).when().post("/api/v1/complaint-categories").then().statusCode(400)
                .body("violations[0].field", containsString("code"));

        // retire it: a stale version is refused, then new complaints cannot use it
        as("SUPERVISOR").contentType(ContentType.JSON).body(update("AFTER_SALES", false, 7)).when()
                .put("/api/v1/complaint-categories/" + code).then().statusCode(412);
        as("SUPERVISOR").contentType(ContentType.JSON).body(update("AFTER_SALES", false, 0)).when()
                .put("/api/v1/complaint-categories/" + code).then().statusCode(200).body("active", equalTo(false))
                .body("version", equalTo(1));
        as("AGENT").queryParam("active", true).when().get("/api/v1/complaint-categories").then()
                .body("items.code", hasItem("AFTER_SALES.REPAIR_DELAY"))
                .body("items.code", org.hamcrest.Matchers.not(hasItem(code)));
        String customer = Customers.registered(dataSource);
        as("AGENT").contentType(ContentType.JSON).body("""
                {"customerId":"%s","channel":"APP","category":"%s","severity":"LOW","title":"缺配件"}"""
                .formatted(customer, code)).when().post("/api/v1/complaints").then().statusCode(400)
                .body("violations[0].field", equalTo("category"))
                .body("violations[0].message", equalTo("category '" + code + "' is retired"));

        // a move into the other taxonomy, or under itself, is refused
        as("SUPERVISOR").contentType(ContentType.JSON).body(update("U95598.CHANNEL", true, 1)).when()
                .put("/api/v1/complaint-categories/" + code).then().statusCode(400)
                .body("violations[0].field", equalTo("parentCode"));
        as("SUPERVISOR").contentType(ContentType.JSON).body(update(code, true, 1)).when()
                .put("/api/v1/complaint-categories/" + code).then().statusCode(400)
                .body("violations[0].message", containsString("cycle"));
        as("AGENT").when().get("/api/v1/complaint-categories/NOPE").then().statusCode(404);
    }

    @Test
    void aPolicyCountedInWorkingHoursSkipsTheNationalDayHolidayAndCountsTheMakeUpSaturday() {
        Map<String, Object> original = as("ADMIN").when().get("/api/v1/sla-policies/current").then()
                .statusCode(200).body("definition.rules[-1].name", equalTo("1-24-48")).extract().jsonPath()
                .getMap("definition");
        Map<String, Object> working = Map.of("note", "working hours for everyone", "definition", Map.of(
                "workingHours", Map.of("start", "09:00", "end", "18:00"), "atRiskShare", 0.8,
                "rules", java.util.List.of(Map.of("name", "1-24-48 working", "tiers", java.util.List.of(),
                        "severities", java.util.List.of(), "clock", "WORKING", "acknowledge", "PT1H",
                        "plan", "PT24H", "resolve", "PT48H"))));
        int version = as("ADMIN").contentType(ContentType.JSON).body(working).when()
                .put("/api/v1/sla-policies/current").then().statusCode(200).body("createdBy", equalTo("test-admin"))
                .extract().path("version");
        try {
            clock.set(Instant.parse("2026-09-30T09:00:00Z")); // Wednesday 30 September, 17:00 in Shanghai
            String customer = Customers.registered(dataSource);
            JsonPath filed = as("AGENT").contentType(ContentType.JSON).body("""
                    {"customerId":"%s","channel":"STORE","category":"INSTALLATION.APPOINTMENT","severity":"LOW",
                     "title":"安装师傅没来"}""".formatted(customer)).when().post("/api/v1/complaints").then()
                    .statusCode(201).extract().jsonPath();
            assertThat(filed.getInt("slaPolicyVersion")).isEqualTo(version);
            assertThat(filed.getString("slaClock")).isEqualTo("WORKING");
            assertThat(due(filed, "ACKNOWLEDGE")).isEqualTo("2026-09-30T10:00:00Z");
            assertThat(due(filed, "PLAN")).isEqualTo("2026-10-10T06:00:00Z"); // the make-up Saturday, 14:00
            assertThat(due(filed, "RESOLVE")).isEqualTo("2026-10-14T03:00:00Z");
            as("AGENT").when().get("/api/v1/working-calendar?from=2026-10-01&to=2026-10-10").then().statusCode(200)
                    .body("items.size()", equalTo(8)).body("items.find { it.day == '2026-10-10' }.working", equalTo(true))
                    .body("items.find { it.day == '2026-10-10' }.name", equalTo("国庆节调休上班"));
        } finally {
            as("ADMIN").contentType(ContentType.JSON).body(Map.of("note", "restore", "definition", original))
                    .when().put("/api/v1/sla-policies/current").then().statusCode(200);
        }
        as("ADMIN").when().get("/api/v1/sla-policies/current").then().body("definition.rules[-1].clock",
                equalTo("CALENDAR")).body("definition.rules[0].acknowledge", equalTo("PT30M"));
    }

    @Test
    void anInvalidPolicyIsRefusedNamingEveryProblem() {
        int before = as("ADMIN").when().get("/api/v1/sla-policies/current").then().extract().path("version");
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("definition", Map.of(
                "workingHours", Map.of("start", "18:00", "end", "09:00"), "atRiskShare", 1.5,
                "rules", java.util.List.of(Map.of("name", "core only", "tiers", java.util.List.of("CORE"),
                        "severities", java.util.List.of(), "clock", "CALENDAR", "acknowledge", "PT48H",
                        "plan", "PT24H", "resolve", "PT0S"))))).when().put("/api/v1/sla-policies/current").then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations.field", hasItems("definition.workingHours", "definition.atRiskShare",
                        "definition.rules[0].resolve", "definition.rules[0]"));
        as("ADMIN").when().get("/api/v1/sla-policies/current").then().body("version", equalTo(before));
        as("AGENT").contentType(ContentType.JSON).body("{}").when().put("/api/v1/sla-policies/current").then()
                .statusCode(403);

        // a rule naming a tier the VALUE scheme has not would never match: the green channel silently closed
        Map<String, Object> catchAll = Map.of("name", "1-24-48", "tiers", java.util.List.of(), "severities",
                java.util.List.of(), "clock", "CALENDAR", "acknowledge", "PT1H", "plan", "PT24H", "resolve", "PT48H");
        Map<String, Object> typo = new java.util.HashMap<>(catchAll);
        typo.put("name", "green channel");
        typo.put("tiers", java.util.List.of("CORE", "C0RE"));
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("definition", Map.of("workingHours",
                Map.of("start", "09:00", "end", "18:00"), "atRiskShare", 0.8, "rules", java.util.List.of(typo,
                        catchAll)))).when().put("/api/v1/sla-policies/current").then().statusCode(400)
                .body("violations[0].field", equalTo("definition.rules[0].tiers[1]"))
                .body("violations[0].message", equalTo("is not a VALUE tier: one of BASIC, CORE, IMPORTANT, POTENTIAL"));
        java.util.List<Map<String, Object>> many = java.util.Collections.nCopies(101, catchAll);
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("definition", Map.of("workingHours",
                Map.of("start", "09:00", "end", "18:00"), "atRiskShare", 0.8, "rules", many))).when()
                .put("/api/v1/sla-policies/current").then().statusCode(400)
                .body("violations[0].field", equalTo("definition.rules"))
                .body("violations[0].message", equalTo("at most 100 rules, not 101"));
        as("ADMIN").when().get("/api/v1/sla-policies/current").then().body("version", equalTo(before));
    }

    @Test
    void calendarDaysAreManaged() {
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("working", false, "name", "公司周年庆")).when()
                .put("/api/v1/working-calendar/2027-06-07").then().statusCode(200).body("working", equalTo(false));
        as("AGENT").when().get("/api/v1/working-calendar?from=2027-06-01&to=2027-06-30").then()
                .body("items.day", hasItem("2027-06-07"));
        as("ADMIN").when().delete("/api/v1/working-calendar/2027-06-07").then().statusCode(204);
        as("ADMIN").when().delete("/api/v1/working-calendar/2027-06-07").then().statusCode(404);
        long since = ManagementFactory.getRuntimeMXBean().getStartTime(); // the broker keeps earlier runs' events
        List<JsonPath> published = TestOutbox.published(dataSource, "complaint.events",
                "tiercare.calendar.day-changed.v1").stream()
                .filter(r -> r.timestamp() >= since && r.value().contains("\"2027-06-07\"")).map(r -> {
                    assertThat(r.key()).isEqualTo("working-calendar");
                    return JsonPath.from(r.value());
                }).toList();
        assertThat(published).hasSize(2);
        assertThat(published.get(0).getBoolean("working")).isFalse();
        assertThat(published.get(0).getString("name")).isEqualTo("公司周年庆");
        assertThat(published.get(1).getString("working")).isNull(); // removed: Monday–Friday again
        assertThat(TestOutbox.published(dataSource, "complaint.events", "tiercare.calendar.day-changed.v1").stream()
                .map(r -> JsonPath.from(r.value()))
                .anyMatch(day -> "2026-10-01".equals(day.getString("day")) && !day.getBoolean("working")))
                .as("the days entered before the calendar was published were published once").isTrue();
        as("AGENT").when().get("/api/v1/working-calendar?from=2027-06-30&to=2027-06-01").then().statusCode(400);
        as("AGENT").when().get("/api/v1/working-calendar?from=2027-06-01").then().statusCode(400)
                .body("violations[0].field", equalTo("to"));
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("working", false, "name", "x")).when()
                .put("/api/v1/working-calendar/2027-13-40").then().statusCode(400);
    }

    private static Map<String, Object> update(String parent, boolean active, long version) {
        return Map.of("parentCode", parent, "nameZh", "配件缺货", "nameEn", "Spare parts", "active", active,
                "version", version);
    }

    private static String due(JsonPath complaint, String kind) {
        return complaint.getString("milestones.find { it.kind == '" + kind + "' }.dueAt");
    }
}
