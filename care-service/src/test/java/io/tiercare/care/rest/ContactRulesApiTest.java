package io.tiercare.care.rest;

import static io.tiercare.testing.TestApi.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.testing.OnTestDay;

/** The contact rules as data: seeded defaults, a change checked whole and stored as the next version. */
@QuarkusTest
class ContactRulesApiTest extends OnTestDay {

    @Test
    void theRulesAreSeededAndAChangeIsCheckedAndVersioned() {
        var current = as("ACCOUNT_MANAGER").when().get("/api/v1/contact-rules/current").then().statusCode(200)
                .extract().jsonPath();
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("monthlyBudget", 0, "quietFrom", "21:00",
                "quietTo", "09:00", "note", "none at all")).when().put("/api/v1/contact-rules/current").then()
                .statusCode(400).body("violations[0].field", equalTo("monthlyBudget"));
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("monthlyBudget", 4, "quietFrom", "25:00",
                "quietTo", "09:00", "note", "bad time")).when().put("/api/v1/contact-rules/current").then()
                .statusCode(400);
        as("SUPERVISOR").contentType(ContentType.JSON).body(Map.of("monthlyBudget", 6, "quietFrom", "22:00",
                "quietTo", "08:00", "note", "x")).when().put("/api/v1/contact-rules/current").then().statusCode(403);
        int next = current.getInt("version") + 1;
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("monthlyBudget", 6, "quietFrom", "22:00",
                "quietTo", "08:00", "note", "year-end campaign")).when().put("/api/v1/contact-rules/current").then()
                .statusCode(200).body("version", equalTo(next)).body("monthlyBudget", equalTo(6))
                .body("quietFrom", equalTo("22:00:00"));
        as("ANALYST").when().get("/api/v1/contact-rules").then().statusCode(200)
                .body("items[0].version", equalTo(next)).body("items[0].note", equalTo("year-end campaign"));
        // back to what the other tests expect
        as("ADMIN").contentType(ContentType.JSON).body(Map.of("monthlyBudget", current.getInt("monthlyBudget"),
                "quietFrom", current.getString("quietFrom"), "quietTo", current.getString("quietTo"),
                "note", "restored")).when().put("/api/v1/contact-rules/current").then().statusCode(200)
                .body("version", equalTo(next + 1));
        as("AGENT").when().get("/api/v1/contact-rules/current").then().statusCode(403);
    }
}
