package io.tiercare.customer.messaging;

import java.util.List;

import io.tiercare.chassis.outbox.Outbox;
import io.tiercare.chassis.outbox.OutboxEvent;
import io.tiercare.customer.domain.event.CustomerEvent;
import io.tiercare.customer.domain.event.CustomerRegistered;
import jakarta.enterprise.context.ApplicationScoped;

/** Names each domain event on {@code customer.events} and appends it to the outbox in the caller's transaction. */
@ApplicationScoped
public class CustomerEventPublisher {

    public static final String TOPIC = "customer.events";
    public static final String REGISTERED = "tiercare.customer.registered.v1";

    private final Outbox outbox;

    CustomerEventPublisher(Outbox outbox) {
        this.outbox = outbox;
    }

    public void publish(List<CustomerEvent> events) {
        for (CustomerEvent event : events) {
            outbox.append(new OutboxEvent(TOPIC, typeOf(event), event.customerId().toString(), event));
        }
    }

    static String typeOf(CustomerEvent event) {
        if (event instanceof CustomerRegistered) {
            return REGISTERED;
        }
        throw new IllegalArgumentException("no event type for " + event.getClass().getSimpleName());
    }
}
