package io.tiercare.tiering.rest;

import static io.tiercare.testing.TestApi.as;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.ProducerExamples;
import io.tiercare.testing.TestKafka;

/**
 * Tiering reads what customer-service and complaint-service publish: their own example events (from their modules
 * in this repository, ids made fresh) go through Kafka, and the metrics show each was understood.
 */
@QuarkusTest
class ProducerContractTest extends OnTestDay {

    private static final String CUSTOMER_EXAMPLE = "0b8f3c1e-8d1a-4a43-9d6c-3f0f2b1c9a10";
    private static final String COMPLAINT_EXAMPLE_CUSTOMER = "0190f3a0-1111-7abc-8def-0123456789ab";

    @Test
    void theProducersOwnExamplesAreUnderstood() {
        // after every example's own time (the care task was completed on 1 December): a figure counts nothing ahead
        clock.set(Instant.parse("2026-12-02T08:00:00Z"));
        ProducerExamples examples = new ProducerExamples();
        String customer = examples.id(CUSTOMER_EXAMPLE);
        examples.same(customer, COMPLAINT_EXAMPLE_CUSTOMER);
        for (String type : new String[] { "registered.v2", "purchase-recorded.v1", "inquiry-recorded.v1" }) {
            send("customer.events", "/tiercare/customer-service", customer, "tiercare.customer." + type,
                    examples.example("customer-service", "tiercare.customer." + type));
        }
        for (String type : new String[] { "filed", "resolved", "rated" }) {
            send("complaint.events", "/tiercare/complaint-service", customer, "tiercare.complaint." + type + ".v1",
                    examples.example("complaint-service", "tiercare.complaint." + type + ".v1"));
        }
        send("care.events", "/tiercare/care-service", customer, "tiercare.care.task-completed.v1",
                examples.example("care-service", "tiercare.care.task-completed.v1"));
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as("ANALYST").when()
                .get("/api/v1/customers/" + customer + "/tiers").then().statusCode(200)
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.spend12m", equalTo(12800.0f))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.inquiriesTotal", equalTo(1))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.complaints12m", equalTo(1))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.openComplaints", equalTo(0))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.averageRating", equalTo(2.0f))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.careContacts12m", equalTo(1))
                .body("tiers.find { it.scheme == 'VALUE' }.explanation.metrics.careSatisfaction12m", equalTo(5.0f))
                // the ABCD grade's service contribution: full points for care satisfaction 5, half for one contact
                .body("tiers.find { it.scheme == 'ABCD' }.explanation.breakdown.find { it.metric == "
                        + "'careSatisfaction12m' }.points", equalTo(100))
                .body("tiers.find { it.scheme == 'ABCD' }.explanation.breakdown.find { it.metric == "
                        + "'careContacts12m' }.points", equalTo(50))
                .body("tiers.find { it.scheme == 'VALUE' }.tier", equalTo("BASIC")));
    }

    private static void send(String topic, String source, String customer, String type, String data) {
        TestKafka.sendEvent(topic, customer, type, source, data);
    }
}
