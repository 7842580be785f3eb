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
import io.tiercare.customer.domain.event.PersonalDataChanged;
import io.tiercare.customer.domain.event.PersonalDataErased;
import io.tiercare.customer.domain.event.InquiryRecorded;
import io.tiercare.customer.domain.event.PreferencesChanged;
import io.tiercare.customer.domain.event.PurchaseRecorded;
import io.tiercare.customer.domain.event.PurchaseRefunded;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Appends each domain event (typed by itself) to the outbox in the caller's transaction: on {@code customer.events}, except
 * the personal data, which goes to the compacted {@code customer.personal-data} (a snapshot per customer; erasure
 * leaves a tombstone in its place, and the log cleaner then removes every earlier snapshot).
 */
@ApplicationScoped
public class CustomerEventPublisher {

    public static final String TOPIC = "customer.events";
    public static final String PERSONAL_DATA_TOPIC = "customer.personal-data";
    /** The tombstone's type: a record with no value on {@link #PERSONAL_DATA_TOPIC}. */
    public static final String PERSONAL_DATA_ERASED = PersonalDataErased.TYPE;

    /** The CloudEvents type of every event this service publishes; each has a JSON Schema in events/. */
    public static final List<String> TYPES = List.of(CustomerRegistered.TYPE, CustomerUpdated.TYPE,
            PersonalDataChanged.TYPE, PersonalDataErased.TYPE, CustomerMerged.TYPE, CustomerErased.TYPE,
            PurchaseRecorded.TYPE, PurchaseRefunded.TYPE, InquiryRecorded.TYPE, ConsentChanged.TYPE,
            PreferencesChanged.TYPE, AccountManagerAssigned.TYPE);

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
        return events.stream().map(event -> asOutboxEvent(event, EventTrace.of(event.customerId().toString())))
                .toList();
    }

    /** The event as the outbox takes it, caused by the request {@code origin} names. */
    public static OutboxEvent asOutboxEvent(CustomerEvent event, EventTrace origin) {
        String subject = event.customerId().toString();
        if (event instanceof PersonalDataErased) {
            return new OutboxEvent(PERSONAL_DATA_TOPIC, event.eventType(), subject, null, origin); // a tombstone
        }
        return new OutboxEvent(event instanceof PersonalDataChanged ? PERSONAL_DATA_TOPIC : TOPIC, event.eventType(),
                subject, event, origin);
    }
}
