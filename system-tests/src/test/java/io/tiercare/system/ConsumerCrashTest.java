package io.tiercare.system;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

/**
 * Two instances of tiering-service share its consumer group; one is killed -9 while purchases keep coming. The
 * survivor must take the dead one's partitions within the session timeout (6 s) and a rebalance, apply every
 * purchase exactly once, and a restarted instance must not report ready before its consumers have joined.
 */
class ConsumerCrashTest {

    private static final int REPLICA = 28182;
    private static final int CUSTOMERS = 12;
    /** customer.events, complaint.events, care.events and tiering.evaluation-chunks, three partitions each. */
    private static final int PARTITIONS = 12;
    private static Suite suite;
    private static String admin;

    @BeforeAll
    static void start() {
        suite = Suite.up("customer-service", "tiering-service");
        suite.replica("tiering-service", REPLICA);
        admin = suite.token("ADMIN");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void aKilledConsumersPartitionsMoveToTheSurvivorWithinSecondsAndEveryPurchaseIsAppliedOnce() {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < CUSTOMERS; i++) {
            customers.add(register());
        }
        // the two instances share every partition of the four topics tiering reads (three each)
        awaitPartitionsShared();
        assertThat(consumerPartitions(Suite.port("tiering-service"))).isPositive();
        assertThat(consumerPartitions(REPLICA)).isPositive();
        customers.forEach(id -> awaitSpend(REPLICA, id, 0, Duration.ofSeconds(30)));

        suite.kill("tiering-service");
        Instant killed = Instant.now();
        customers.forEach(id -> purchase(id, 40_000));
        customers.forEach(id -> awaitSpend(REPLICA, id, 40_000, Duration.ofSeconds(30)));
        Duration takeover = Duration.between(killed, Instant.now());
        System.out.printf("partitions of a killed tiering-service instance taken over, purchases applied: %d ms%n",
                takeover.toMillis());
        // the session timeout (6 s), a rebalance and the records: well under the client default's 45 s alone
        assertThat(takeover).isLessThan(Duration.ofSeconds(20));

        suite.start("tiering-service");
        // ready (the script waited for it) means joined; the group then shares the partitions again
        awaitPartitionsShared();
        customers.forEach(id -> purchase(id, 70_000));
        for (String id : customers) {
            awaitSpend(Suite.port("tiering-service"), id, 110_000, Duration.ofSeconds(30));
            JsonPath tiers = tiers(REPLICA, id);
            assertThat(tiers.getString("tiers.find { it.scheme == 'VALUE' }.tier")).isEqualTo("CORE");
        }
    }

    private static String register() {
        String phone = "139" + String.format("%08d", ThreadLocalRandom.current().nextInt(100_000_000));
        return given().baseUri(Suite.url(Suite.port("customer-service"))).auth().oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"type\":\"INDIVIDUAL\",\"name\":\"系统测试\",\"mobilePhone\":\"" + phone + "\"}")
                .post("/api/v1/customers").then().statusCode(201).extract().path("id");
    }

    private static void purchase(String customer, int amount) {
        given().baseUri(Suite.url(Suite.port("customer-service"))).auth().oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"externalOrderId\":\"sys-" + java.util.UUID.randomUUID() + "\",\"amount\":" + amount
                        + ",\"currency\":\"CNY\",\"purchasedAt\":\"" + Instant.now() + "\"}")
                .post("/api/v1/customers/" + customer + "/purchases").then().statusCode(201);
    }

    private static JsonPath tiers(int port, String customer) {
        return given().baseUri(Suite.url(port)).auth().oauth2(admin).get("/api/v1/customers/" + customer + "/tiers")
                .then().statusCode(200).extract().jsonPath();
    }

    private static void awaitSpend(int port, String customer, double spend, Duration within) {
        Awaitility.await().atMost(within).pollInterval(Duration.ofMillis(100)).ignoreExceptions()
                .until(() -> tiers(port, customer)
                        .getDouble("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.spend12m") == spend);
    }

    private static void awaitPartitionsShared() {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> consumerPartitions(Suite.port("tiering-service")) + consumerPartitions(REPLICA)
                        == PARTITIONS);
    }

    /** The partitions an instance's consumers read, from its readiness (which is UP once they joined). */
    private static int consumerPartitions(int port) {
        JsonPath ready = given().baseUri(Suite.management(port)).get("/q/health/ready").then().statusCode(200)
                .extract().jsonPath();
        assertThat(ready.getInt("checks.find { it.name == 'kafka-consumers' }.data.joined"))
                .isEqualTo(ready.getInt("checks.find { it.name == 'kafka-consumers' }.data.channels"));
        return ready.getInt("checks.find { it.name == 'kafka-consumers' }.data.partitions");
    }
}
