package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
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

/** The coverage monitor over one account manager's two CORE customers in December 2026. */
@QuarkusTest
class CoverageTest extends OnTestDay {

    private static final String AM_COV_1 = Customers.manager("am-cov-1");

    @Inject
    DataSource dataSource;

    @Test
    void plannedDoneOnTimeDoneLateAndTheShareOfCoreCustomersVisited() {
        String a = Customers.registered(dataSource, AM_COV_1);
        String b = Customers.registered(dataSource, AM_COV_1);
        for (String customer : new String[] { a, b }) {
            Customers.tier(dataSource, customer, "IMPORTANT", "CORE", "2026-11-22T07:00:00Z");
            Customers.awaitOpen(dataSource, customer, "CORE_GIFT", 1);
        }
        clock.set(Instant.parse("2026-11-25T02:00:00Z"));
        act(task(a, "CORE_VISIT"), "complete", Map.of("outcome", "REACHED", "satisfaction", 5)); // on time
        act(task(a, "CORE_GIFT"), "skip", Map.of("reason", "客户婉拒"));
        clock.set(Instant.parse("2026-12-07T02:00:00Z"));
        act(task(b, "CORE_VISIT"), "complete", Map.of("outcome", "REACHED", "satisfaction", 3)); // due the 4th

        JsonPath report = asUser(AM_COV_1, "ACCOUNT_MANAGER").when()
                .get("/api/v1/care-reports/coverage?from=2026-12-01&to=2026-12-31").then().statusCode(200)
                .extract().jsonPath();
        assertThat(report.getList("rows.tier")).containsExactly("CORE");
        assertThat(report.getInt("rows[0].planned")).isEqualTo(4); // 2 visits due 4 December, 2 gifts the 22nd
        assertThat(report.getInt("rows[0].doneOnTime")).isEqualTo(1);
        assertThat(report.getInt("rows[0].doneLate")).isEqualTo(1);
        assertThat(report.getInt("rows[0].skipped")).isEqualTo(1);
        assertThat(report.getInt("rows[0].open")).isEqualTo(1);
        assertThat(report.getFloat("rows[0].onTimeShare")).isEqualTo(0.3333f);
        assertThat(report.getFloat("rows[0].onTimeTarget")).isEqualTo(0.95f);
        assertThat(report.getBoolean("rows[0].met")).isFalse();
        assertThat(report.getInt("total.planned")).isEqualTo(4);
        // reach: both are CORE; only b was visited in December (a in November)
        assertThat(report.getString("reach[0].kind")).isEqualTo("VISIT");
        assertThat(report.getInt("reach[0].customers")).isEqualTo(2);
        assertThat(report.getInt("reach[0].reached")).isEqualTo(1);
        assertThat(report.getFloat("reach[0].share")).isEqualTo(0.5f);
        assertThat(report.getBoolean("reach[0].met")).isFalse();

        String csv = asUser(AM_COV_1, "ACCOUNT_MANAGER").accept("text/csv").when()
                .get("/api/v1/care-reports/coverage?from=2026-12-01&to=2026-12-31&groupBy=TIER_AND_MANAGER").then()
                .statusCode(200).contentType("text/csv").extract().asString();
        assertThat(csv).startsWith("\uFEFFfrom,to,scheme,tier,manager,planned,");
        assertThat(csv.lines()).contains("2026-12-01,2026-12-31,VALUE,CORE," + AM_COV_1
                + ",4,1,1,0,1,1,0.3333,0.9500,false");

        as("ANALYST").when().get("/api/v1/care-reports/coverage?from=2026-12-31&to=2026-12-01").then()
                .statusCode(400);
        as("ANALYST").when().get("/api/v1/care-reports/coverage?from=2026-01-01&to=2027-12-31").then()
                .statusCode(400);
        as("AGENT").when().get("/api/v1/care-reports/coverage").then().statusCode(403);
    }

    private String task(String customer, String item) {
        return TestDatabase.text(dataSource, "select id::text from care_task where customer_id = ?::uuid and "
                + "item_code = ?", customer, item);
    }

    private static void act(String task, String action, Map<String, Object> body) {
        asUser(AM_COV_1, "ACCOUNT_MANAGER").contentType(ContentType.JSON).body(body).when()
                .post("/api/v1/care-tasks/" + task + "/" + action).then().statusCode(200);
    }
}
