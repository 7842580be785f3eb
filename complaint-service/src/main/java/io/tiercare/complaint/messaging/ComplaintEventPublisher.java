package io.tiercare.complaint.messaging;

import java.util.List;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.complaint.domain.event.CalendarDayChanged;
import io.tiercare.complaint.domain.event.ComplaintEvent;
import io.tiercare.complaint.domain.event.ComplaintFiled;
import io.tiercare.complaint.domain.event.ComplaintProgressed;
import io.tiercare.complaint.domain.event.ComplaintRated;
import io.tiercare.complaint.domain.event.SlaAlert;
import jakarta.enterprise.context.ApplicationScoped;

/** Names each complaint event and appends it to the outbox in the caller's transaction, keyed by customer. */
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
                .map(e -> new OutboxEvent(TOPIC, typeOf(e), e.customerId().toString(), e)).toList());
    }

    /** A change of the working-day calendar, keyed {@code working-calendar} (care-service counts on it too). */
    public void publish(CalendarDayChanged change) {
        outbox.append(new OutboxEvent(TOPIC, CalendarDayChanged.TYPE, CalendarDayChanged.KEY, change));
    }

    /** {@code tiercare.complaint.<name>.v1}; each has a JSON Schema under {@code events/}. */
    public static String typeOf(ComplaintEvent event) {
        if (event instanceof ComplaintFiled) {
            return "tiercare.complaint.filed.v1";
        }
        if (event instanceof ComplaintProgressed progressed) {
            return "tiercare.complaint." + progressed.step().typeName() + ".v1";
        }
        if (event instanceof ComplaintRated) {
            return "tiercare.complaint.rated.v1";
        }
        if (event instanceof SlaAlert alert) {
            return "tiercare.complaint." + alert.kind().typeName() + ".v1";
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getSimpleName());
    }
}
