package io.tiercare.chassis.probe;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.events.PoisonMessageException;
import io.tiercare.chassis.inbox.EventBatchHandler;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;

/** A consumer written the way services write theirs: a poll at a time; decode, claim in the inbox, apply. */
@ApplicationScoped
public class ProbeConsumer {

    private static final Logger LOG = Logger.getLogger(ProbeConsumer.class);
    public static final String NAME = "probe-consumer";
    /** A note starting with this fails after its effect was written: the effect must not stay. */
    public static final String EXPLODING = "explode-";
    /** A note starting with this fails while {@link #blocked} is set: a cause an operator fixes, then re-drives. */
    public static final String BLOCKABLE = "blockable-";
    public static volatile boolean blocked;

    private final Inbox inbox;
    private final ProbeService service;
    private final EventBatches batches;

    ProbeConsumer(Inbox inbox, ProbeService service, EventBatches batches) {
        this.inbox = inbox;
        this.service = service;
        this.batches = batches;
    }

    record Noted(@NotBlank String text) {
    }

    @Incoming("probe-in")
    @Blocking(ordered = true)
    public CompletionStage<Void> consume(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> new EventBatchHandler() {
            private final Set<String> announced = new HashSet<>();

            @Override
            public void begin(List<IncomingEvent> events) {
                events.forEach(event -> announced.add(event.id()));
            }

            @Override
            public void apply(IncomingEvent event) {
                // every event of the transaction is announced to begin() before the first is applied
                if (!announced.contains(event.id())) {
                    throw new IllegalStateException("event " + event.id() + " was not announced to begin()");
                }
                if (!ProbeService.NOTED.equals(event.type())) {
                    throw new PoisonMessageException("unknown event type " + event.type());
                }
                inbox.once(NAME, event, Noted.class, noted -> {
                    LOG.infof("Applying event %s", event.id());
                    service.recordEffect(event.id(), noted.text());
                    if (blocked && noted.text().startsWith(BLOCKABLE)) {
                        throw new IllegalStateException("blocked: " + noted.text());
                    }
                    if (noted.text().startsWith(EXPLODING)) {
                        throw new IllegalStateException("exploded on " + noted.text());
                    }
                });
            }
        });
    }
}
