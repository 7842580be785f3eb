package io.tiercare.chassis.probe;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.events.PoisonMessageException;
import io.tiercare.chassis.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotBlank;

/** A consumer written the way services write theirs: decode, claim in the inbox, apply. */
@ApplicationScoped
public class ProbeConsumer {

    public static final String NAME = "probe-consumer";

    private final Inbox inbox;
    private final ProbeService service;

    ProbeConsumer(Inbox inbox, ProbeService service) {
        this.inbox = inbox;
        this.service = service;
    }

    record Noted(@NotBlank String text) {
    }

    @Incoming("probe-in")
    @Blocking(ordered = true)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        if (!ProbeService.NOTED.equals(event.type())) {
            throw new PoisonMessageException("unknown event type " + event.type());
        }
        inbox.once(NAME, event, Noted.class, noted -> service.recordEffect(event.id(), noted.text()));
    }
}
