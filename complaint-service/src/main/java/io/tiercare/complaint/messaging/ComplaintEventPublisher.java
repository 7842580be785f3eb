package io.tiercare.complaint.messaging;

import java.util.List;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.complaint.domain.event.CalendarDayChanged;
import io.tiercare.complaint.domain.event.ComplaintEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Appends each complaint event (typed by itself) to the outbox in the caller's transaction, keyed by customer. */
@ApplicationScoped
public class ComplaintEventPublisher {

    public static final String TOPIC = "complaint.events";

    private final Outbox outbox;

    ComplaintEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(ComplaintEvent event) {
        publishAll(List.of(event));
    }

    public void publishAll(List<? extends ComplaintEvent> events) {
        outbox.appendAll(events.stream()
                .map(e -> OutboxEvent.of(TOPIC, e.customerId().toString(), e)).toList());
    }

    /** A change of the working-day calendar, keyed {@code working-calendar} (care-service counts on it too). */
    public void publish(CalendarDayChanged change) {
        outbox.append(OutboxEvent.of(TOPIC, CalendarDayChanged.KEY, change));
    }
}
