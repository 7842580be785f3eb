package io.tiercare.tiering.messaging;

import java.util.List;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.tiering.domain.event.TierEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends tier events to the outbox in the caller's transaction, keyed by customer, typed by the event itself. */
@ApplicationScoped
public class TierEventPublisher {

    public static final String TOPIC = "tier.events";

    private final Outbox outbox;

    TierEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(TierEvent event) {
        publishAll(List.of(event));
    }

    public void publishAll(List<? extends TierEvent> events) {
        if (!events.isEmpty()) {
            outbox.appendAll(events.stream().map(e -> OutboxEvent.of(TOPIC, e.customerId().toString(), e)).toList());
        }
    }
}
