package io.tiercare.complaint.messaging;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.EventBatchHandler;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.inbox.Inbox;
import io.tiercare.complaint.repository.CustomerDirectory;
import io.tiercare.complaint.service.Anonymiser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;

/**
 * Keeps the customer directory: who exists ({@code registered}), who was merged into whom, who was erased (their
 * complaints' personal text is anonymised at once), who their account manager is, and their VALUE tier from
 * {@code tier.events} (it chooses the SLA). A poll at a time, idempotent through the inbox. Our own copies of the
 * payloads (tolerant reader).
 */
@ApplicationScoped
public class CustomerFactsConsumer {

    static final String CUSTOMER_EVENTS = "complaint-customer-events";
    static final String TIER_EVENTS = "complaint-tier-events";

    record Registered(@NotNull UUID customerId, String accountManagerId) {
    }

    record AccountManagerAssigned(@NotNull UUID customerId, String accountManagerId) {
    }

    record Merged(@NotNull UUID customerId, @NotNull UUID mergedCustomerId) {
    }

    record Erased(@NotNull UUID customerId, @NotNull Instant erasedAt) {
    }

    record TierChanged(@NotNull UUID customerId, @NotNull String scheme, @NotNull String toTier) {
    }

    private final Inbox inbox;
    private final EventBatches batches;
    private final CustomerDirectory directory;
    private final Anonymiser anonymiser;

    CustomerFactsConsumer(Inbox inbox, EventBatches batches, CustomerDirectory directory, Anonymiser anonymiser) {
        this.inbox = inbox;
        this.batches = batches;
        this.directory = directory;
        this.anonymiser = anonymiser;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> customerEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> (EventBatchHandler) this::customerEvent);
    }

    @Incoming("tier-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> tierEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> (EventBatchHandler) this::tierEvent);
    }

    private void customerEvent(IncomingEvent event) {
        Instant at = event.time() != null ? event.time() : Instant.EPOCH;
        switch (event.type()) {
            case "tiercare.customer.registered.v2", "tiercare.customer.registered.v1" -> inbox.once(CUSTOMER_EVENTS, event, Registered.class,
                    e -> directory.registered(e.customerId(), e.accountManagerId(), at));
            case "tiercare.customer.account-manager-assigned.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    AccountManagerAssigned.class,
                    e -> directory.accountManager(e.customerId(), e.accountManagerId(), at));
            case "tiercare.customer.merged.v1" -> inbox.once(CUSTOMER_EVENTS, event, Merged.class,
                    e -> directory.merged(e.customerId(), e.mergedCustomerId(), at));
            case "tiercare.customer.erased.v1" -> inbox.once(CUSTOMER_EVENTS, event, Erased.class, e -> {
                directory.erased(e.customerId(), e.erasedAt());
                anonymiser.anonymise(e.customerId(), e.erasedAt());
            });
            default -> {
                // purchases, inquiries, consent, preferences: nothing complaints depend on
            }
        }
    }

    private void tierEvent(IncomingEvent event) {
        if ("tiercare.tier.changed.v1".equals(event.type())) {
            inbox.once(TIER_EVENTS, event, TierChanged.class, e -> {
                if ("VALUE".equals(e.scheme())) {
                    directory.tier(e.customerId(), e.toTier(), event.time() != null ? event.time() : Instant.EPOCH);
                }
            });
        }
    }
}
