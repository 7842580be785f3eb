package io.tiercare.complaint.rest;

import static io.restassured.RestAssured.given;
import static io.tiercare.testing.TestApi.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.tiercare.complaint.support.Customers;
import io.tiercare.testing.TestKafka;
import jakarta.inject.Inject;

/**
 * Filing for a customer customer-service has announced but whose event has not reached us yet waits for it; at most
 * {@code customer-lag-waiters} requests wait at once, so unknown ids cannot park the worker threads: past the limit an
 * id not found is refused at once. Run with a long tolerance (60 s) and a limit of 2, so the waiting requests are
 * released by their customers' registrations, not by the clock.
 */
@QuarkusTest
@TestProfile(CustomerLagWaitersTest.TwoWaiters.class)
class CustomerLagWaitersTest {

    public static class TwoWaiters implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tiercare.complaint.customer-lag-tolerance", "60s",
                    "tiercare.complaint.customer-lag-waiters", "2");
        }
    }

    private static final Pattern WAITING = Pattern.compile("(?m)^tiercare_complaint_customer_waiting(?:\\{[^}]*})? (\\S+)$");

    @Inject
    DataSource dataSource;

    @Test
    void pastTheLimitAnUnknownIdIsRefusedAtOnceWhileTheWaitingRequestsAreFiledOnceTheirCustomersArrive() {
        Customers.registered(dataSource); // the consumer has caught up with the topic
        List<String> coming = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (String customer : coming) {
            waiting.add(CompletableFuture.supplyAsync(() -> file(customer).then().extract().statusCode()));
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> waiting() == 2);

        String nobody = UUID.randomUUID().toString();
        long started = System.nanoTime();
        file(nobody).then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("customerId"))
                .body("violations[0].message", equalTo("no customer " + nobody));
        // refused without waiting out the 60 s: the two waiting requests are still waiting
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
        assertThat(waiting).noneMatch(CompletableFuture::isDone);
        assertThat(waiting()).isEqualTo(2);

        // their customers arrive: both are filed, and nobody waits any more
        for (String customer : coming) {
            TestKafka.sendEvent("customer.events", customer, "tiercare.customer.registered.v2",
                    "/tiercare/customer-service", """
                            {"customerId":"%s","type":"INDIVIDUAL","profile":{"usesCompetitor":false},
                             "accountManagerId":null,"registeredAt":"2026-11-01T00:00:00Z"}""".formatted(customer));
        }
        assertThat(waiting).allSatisfy(f -> assertThat(f.get(40, java.util.concurrent.TimeUnit.SECONDS))
                .isEqualTo(201));
        assertThat(waiting()).isZero();
    }

    private static io.restassured.response.Response file(String customer) {
        return as("AGENT").contentType(ContentType.JSON).body("""
                {"customerId":"%s","channel":"HOTLINE","category":"DELIVERY.LATE","severity":"LOW",
                 "title":"送货晚了三天","contact":"13800138000"}""".formatted(customer)).when()
                .post("/api/v1/complaints");
    }

    private static double waiting() {
        Matcher m = WAITING.matcher(given().when().get("/q/metrics").then().statusCode(200).extract().asString());
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
