package io.tiercare.care.messaging;

import java.util.List;

import io.tiercare.care.domain.event.CarePlanChanged;
import io.tiercare.care.domain.event.MessageEvent;
import io.tiercare.care.domain.event.TaskEvent;
import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends each care event (typed by itself) to the outbox in the caller's transaction, keyed by customer. */
@ApplicationScoped
public class CareEventPublisher {

    public static final String TOPIC = "care.events";
    /** The key of plan events: one partition keeps the plan's versions in order. */
    public static final String PLAN_KEY = "care-plan";

    private final Outbox outbox;

    CareEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publishAll(List<TaskEvent> events) {
        if (!events.isEmpty()) {
            outbox.appendAll(events.stream()
                    .map(e -> OutboxEvent.of(TOPIC, e.customerId().toString(), e)).toList());
        }
    }

    /** {@code tiercare.care.message-<outcome>.v1}, keyed by customer. */
    public void publish(MessageEvent event) {
        outbox.append(OutboxEvent.of(TOPIC, event.customerId().toString(), event));
    }

    public void publish(CarePlanChanged event) {
        outbox.append(OutboxEvent.of(TOPIC, PLAN_KEY, event));
    }
}
