package io.tiercare.customer.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.chassis.trace.EventTrace;
import io.tiercare.customer.domain.event.AccountManagerAssigned;
import io.tiercare.customer.domain.event.ConsentChanged;
import io.tiercare.customer.domain.event.CustomerErased;
import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.domain.event.CustomerMerged;
import io.tiercare.customer.domain.event.CustomerRegistered;
import io.tiercare.customer.domain.event.CustomerUpdated;
import io.tiercare.customer.domain.event.InquiryRecorded;
import io.tiercare.customer.domain.event.PreferencesChanged;
import io.tiercare.customer.domain.event.PurchaseRecorded;
import io.tiercare.customer.domain.event.PurchaseRefunded;
import jakarta.enterprise.context.ApplicationScoped;

/** Names each domain event on {@code customer.events} and appends it to the outbox in the caller's transaction. */
@ApplicationScoped
public class CustomerEventPublisher {

    public static final String TOPIC = "customer.events";

    /** The CloudEvents type of every event this service publishes; each has a JSON Schema in events/. */
    public static final Map<Class<? extends CustomerEvent>, String> TYPES = Map.of(
            CustomerRegistered.class, "tiercare.customer.registered.v1",
            CustomerUpdated.class, "tiercare.customer.updated.v1",
            CustomerMerged.class, "tiercare.customer.merged.v1",
            CustomerErased.class, "tiercare.customer.erased.v1",
            PurchaseRecorded.class, "tiercare.customer.purchase-recorded.v1",
            PurchaseRefunded.class, "tiercare.customer.purchase-refunded.v1",
            InquiryRecorded.class, "tiercare.customer.inquiry-recorded.v1",
            ConsentChanged.class, "tiercare.customer.consent-changed.v1",
            PreferencesChanged.class, "tiercare.customer.preferences-changed.v1",
            AccountManagerAssigned.class, "tiercare.customer.account-manager-assigned.v1");

    private final Outbox outbox;

    CustomerEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(List<? extends CustomerEvent> events) {
        outbox.appendAll(asOutboxEvents(events));
    }

    /** As {@link #publish(List)}, each event with the origin of the request that caused it (same order). */
    public void publish(List<? extends CustomerEvent> events, List<EventTrace> origins) {
        List<OutboxEvent> traced = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            traced.add(asOutboxEvent(events.get(i), origins.get(i)));
        }
        outbox.appendAll(traced);
    }

    /** The events as the outbox takes them, for a writer that appends them in its own statement. */
    public static List<OutboxEvent> asOutboxEvents(List<? extends CustomerEvent> events) {
        return events.stream()
                .map(event -> new OutboxEvent(TOPIC, typeOf(event), event.customerId().toString(), event)).toList();
    }

    /** The event as the outbox takes it, caused by the request {@code origin} names. */
    public static OutboxEvent asOutboxEvent(CustomerEvent event, EventTrace origin) {
        return new OutboxEvent(TOPIC, typeOf(event), event.customerId().toString(), event, origin);
    }

    public static String typeOf(CustomerEvent event) {
        String type = TYPES.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no event type for " + event.getClass().getSimpleName());
        }
        return type;
    }
}
