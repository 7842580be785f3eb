package io.tiercare.complaint.rest;

import static io.tiercare.testing.TestApi.as;
import static io.tiercare.testing.TestApi.asUser;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.ProducerExamples;
import io.tiercare.testing.TestDatabase;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

/**
 * complaint-service reads what customer-service and tiering-service publish: their own example events (from their
 * modules in this repository, ids made fresh) go through Kafka and change what a complaint gets.
 */
@QuarkusTest
class ProducerContractTest extends OnTestDay {

    private static final String CUSTOMER_EXAMPLE = "0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10";
    private static final String MERGED_EXAMPLE = "5d1c4a07-2f43-4c3e-9f55-0a8f4e2c7b19";

    @Inject
    DataSource dataSource;

    @Test
    void theProducersOwnExamplesAreUnderstood() {
        ProducerExamples examples = new ProducerExamples();
        String customer = examples.id(CUSTOMER_EXAMPLE);
        String merged = examples.id(MERGED_EXAMPLE);
        customerEvent(customer, "registered.v2", examples);
        tierEvent(customer, examples);
        customerEvent(customer, "merged.v1", examples);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> TestDatabase.number(dataSource,
                "select count(*) from customer_ref where customer_id = ?::uuid and merged_into is not null", merged)
                == 1 && TestDatabase.number(dataSource,
                        "select count(*) from customer_ref where customer_id = ?::uuid and value_tier = 'CORE'",
                        customer) == 1);

        // registered with account manager am-zhao, CORE since tier.changed: the green channel, for am-zhao to see
        String id = asUser("am-zhao", "ACCOUNT_MANAGER").contentType(ContentType.JSON)
                .body(Map.of("customerId", merged, "channel", "APP", "category", "DELIVERY.LATE", "severity", "LOW",
                        "title", "送货延迟"))
                .when().post("/api/v1/complaints").then().statusCode(201)
                .body("customerId", equalTo(customer)) // filed for the survivor of the merge
                .body("customerTier", equalTo("CORE"))
                .body("milestones.find { it.kind == 'ACKNOWLEDGE' }.dueAt", equalTo("2026-11-22T08:30:00Z"))
                .extract().path("id");

        customerEvent(customer, "erased.v1", examples);
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("SUPERVISOR").when()
                .get("/api/v1/complaints/" + id).then().body("title", equalTo("[erased]")));
    }

    private static void customerEvent(String customer, String type, ProducerExamples examples) {
        String full = "tiercare.customer." + type;
        TestKafka.sendEvent("customer.events", customer, full, "/tiercare/customer-service",
                examples.example("customer-service", full));
    }

    private static void tierEvent(String customer, ProducerExamples examples) {
        TestKafka.sendEvent("tier.events", customer, "tiercare.tier.changed.v1", "/tiercare/tiering-service",
                examples.example("tiering-service", "tiercare.tier.changed.v1"));
    }
}
