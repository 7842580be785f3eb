package io.tiercare.tiering.rest;

import static io.tiercare.tiering.support.Events.awaitTierEvent;
import static io.tiercare.tiering.support.Events.registered;
import static io.tiercare.tiering.support.Events.tracedPurchase;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.tiercare.testing.OnTestDay;
import io.tiercare.testing.TestKafka;

/**
 * "Why did my tier change?" can be followed: the evaluation a purchase causes runs in the purchase's trace, and the
 * resulting tier.changed carries that trace and the purchase's correlation id (customer-service's PurchaseTest
 * shows the purchase's event carries its request's).
 */
@QuarkusTest
class EventTraceTest extends OnTestDay {

    @Test
    void aTierChangeContinuesTheTraceAndCorrelationIdOfThePurchaseThatCausedIt() {
        String customer = UUID.randomUUID().toString();
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String producerSpan = "00f067aa0ba902b7";
        String correlationId = "checkout-" + UUID.randomUUID();
        registered(customer, "2025-01-10T02:00:00Z");

        tracedPurchase(customer, "120000.00", "2026-10-01T02:00:00Z", "00-" + traceId + "-" + producerSpan + "-01",
                correlationId);

        ConsumerRecord<String, String> changed = awaitTierEvent(customer, "tiercare.tier.changed.v1",
                "\"toTier\":\"CORE\"");
        String traceparent = TestKafka.header(changed, "traceparent");
        assertThat(traceparent).matches("00-" + traceId + "-[0-9a-f]{16}-0[01]");
        assertThat(traceparent.split("-")[2]).as("a span of tiering's own, not the producer's")
                .isNotEqualTo(producerSpan).isNotEqualTo("0000000000000000");
        assertThat(TestKafka.header(changed, "ce_correlationid")).isEqualTo(correlationId);
    }

    @Test
    void anEventWithAMalformedTraceIsStillAppliedInATraceOfItsOwnAndAnInsaneCorrelationIdIsDropped() {
        String customer = UUID.randomUUID().toString();
        registered(customer, "2025-01-10T02:00:00Z");

        tracedPurchase(customer, "120000.00", "2026-10-01T02:00:00Z", "00-not-a-trace", "bad id <script>");

        ConsumerRecord<String, String> changed = awaitTierEvent(customer, "tiercare.tier.changed.v1",
                "\"toTier\":\"CORE\"");
        assertThat(TestKafka.header(changed, "traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]");
        assertThat(TestKafka.header(changed, "ce_correlationid")).isNull();
    }
}
