package io.tiercare.tiering.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.function.BiConsumer;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.EventBatchHandler;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.inbox.Inbox;
import io.tiercare.tiering.service.MetricsProjection;
import io.tiercare.tiering.service.MetricsProjection.Changes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Reads the other services' events into the metrics projection and re-evaluates the customers they touch:
 * {@code customer.events} (registrations, purchases, refunds, inquiries, merges, erasures) and
 * {@code complaint.events} (complaints filed, resolved, closed, reopened, rated) and {@code care.events} (care tasks
 * completed: participation and satisfaction, the ABCD grade's service contribution). A poll's records are applied in
 * order in one transaction with their inbox claims, then everyone they touched is evaluated once, set-based; a
 * record that fails on its own is dead-lettered (see {@link EventBatches}). Our own copies of the payloads (tolerant
 * reader): only the fields tiering needs; types it does not grade on are skipped.
 */
@ApplicationScoped
public class FactEventsConsumer {

    public static final String CUSTOMER_EVENTS = "tiering-customer-events";
    public static final String COMPLAINT_EVENTS = "tiering-complaint-events";
    public static final String CARE_EVENTS = "tiering-care-events";
    private static final String MERGED = "tiercare.customer.merged.v1";

    record Profile(Boolean usesCompetitor, UUID referredBy) {
    }

    record Registered(@NotNull UUID customerId, @Valid Profile profile, String accountManagerId,
            @NotNull Instant registeredAt) {
    }

    record AccountManagerAssigned(@NotNull UUID customerId, String accountManagerId) {
    }

    record Updated(@NotNull UUID customerId, @Valid Profile profile) {
    }

    record PurchaseRecorded(@NotNull UUID customerId, @NotNull UUID purchaseId, @NotNull BigDecimal amount,
            @NotNull Instant purchasedAt) {
    }

    record PurchaseRefunded(@NotNull UUID customerId, @NotNull UUID purchaseId, @NotNull BigDecimal amount,
            @NotNull Instant refundedAt) {
    }

    record InquiryRecorded(@NotNull UUID customerId, @NotNull Instant occurredAt) {
    }

    record Merged(@NotNull UUID customerId, @NotNull UUID mergedCustomerId) {
    }

    record Erased(@NotNull UUID customerId, @NotNull Instant erasedAt) {
    }

    record Filed(@NotNull UUID complaintId, @NotNull UUID customerId, String severity, String category,
            @NotNull Instant filedAt) {
    }

    /** resolved, closed and reopened all carry the moment of the change under their own name. */
    record StatusChanged(@NotNull UUID complaintId, @NotNull UUID customerId, Instant resolvedAt, Instant closedAt,
            Instant reopenedAt) {
    }

    record Rated(@NotNull UUID complaintId, @NotNull UUID customerId, @NotNull @Min(1) @Max(5) Integer rating,
            @NotNull Instant ratedAt) {
    }

    record CareCompleted(@NotNull UUID taskId, @NotNull UUID customerId, @NotNull String outcome,
            @Min(1) @Max(5) Integer satisfaction, @NotNull Instant at) {
    }

    private final Inbox inbox;
    private final MetricsProjection projection;
    private final EventBatches batches;
    private final EventDataReader reader;

    FactEventsConsumer(Inbox inbox, MetricsProjection projection, EventBatches batches, EventDataReader reader) {
        this.inbox = inbox;
        this.projection = projection;
        this.batches = batches;
        this.reader = reader;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> customerEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> handler(this::customerEvent));
    }

    @Incoming("complaint-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> complaintEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> handler(this::complaintEvent));
    }

    @Incoming("care-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> careEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> handler(this::careEvent));
    }

    private EventBatchHandler handler(BiConsumer<IncomingEvent, Changes> apply) {
        Changes changes = projection.changes();
        return new EventBatchHandler() {
            @Override
            public void begin(List<IncomingEvent> events) {
                changes.lockFirst(customersOf(events));
            }

            @Override
            public void apply(IncomingEvent event) {
                apply.accept(event, changes);
            }

            @Override
            public void complete() {
                changes.evaluate();
            }
        };
    }

    /**
     * The customers these events touch: each event's subject (the customer id), and for a merge the customer merged
     * away (a merge that cannot be read fails the batch here as it would in {@code apply}: its record is then
     * dead-lettered on its own).
     */
    private List<UUID> customersOf(List<IncomingEvent> events) {
        List<UUID> ids = new ArrayList<>(events.size() + 1);
        for (IncomingEvent event : events) {
            uuid(event.subject()).ifPresent(ids::add);
            if (MERGED.equals(event.type())) {
                ids.add(reader.read(event, Merged.class).mergedCustomerId());
            }
        }
        return ids;
    }

    private static Optional<UUID> uuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private void customerEvent(IncomingEvent event, Changes changes) {
        switch (event.type()) {
            // v1 (which also carried personal data) may still be read from an old log
            case "tiercare.customer.registered.v2", "tiercare.customer.registered.v1" -> inbox.once(CUSTOMER_EVENTS,
                    event, Registered.class, e -> {
                        Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                        changes.profile(e.customerId(), e.registeredAt(), Boolean.TRUE.equals(p.usesCompetitor()),
                                p.referredBy(), "registered");
                        changes.accountManager(e.customerId(), e.accountManagerId());
                    });
            case "tiercare.customer.updated.v2", "tiercare.customer.updated.v1" -> inbox.once(CUSTOMER_EVENTS,
                    event, Updated.class, e -> {
                        Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                        changes.profile(e.customerId(), null, Boolean.TRUE.equals(p.usesCompetitor()),
                                p.referredBy(), "profile updated");
                    });
            case "tiercare.customer.purchase-recorded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    PurchaseRecorded.class,
                    e -> changes.purchase(e.customerId(), e.purchaseId(), e.amount(), e.purchasedAt()));
            case "tiercare.customer.purchase-refunded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    PurchaseRefunded.class,
                    e -> changes.refund(e.customerId(), e.purchaseId(), e.amount(), e.refundedAt()));
            case "tiercare.customer.inquiry-recorded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    InquiryRecorded.class, e -> changes.inquiry(e.customerId(), e.occurredAt()));
            case MERGED -> inbox.once(CUSTOMER_EVENTS, event, Merged.class,
                    e -> changes.merge(e.customerId(), e.mergedCustomerId()));
            case "tiercare.customer.erased.v1" -> inbox.once(CUSTOMER_EVENTS, event, Erased.class,
                    e -> changes.erase(e.customerId(), e.erasedAt()));
            case "tiercare.customer.account-manager-assigned.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    AccountManagerAssigned.class, e -> changes.accountManager(e.customerId(), e.accountManagerId()));
            default -> {
                // consent, preferences: nothing tiering grades on
            }
        }
    }

    private void complaintEvent(IncomingEvent event, Changes changes) {
        switch (event.type()) {
            case "tiercare.complaint.filed.v1" -> inbox.once(COMPLAINT_EVENTS, event, Filed.class,
                    e -> changes.complaintFiled(e.customerId(), e.complaintId(), e.severity(), e.category(),
                            e.filedAt()));
            case "tiercare.complaint.resolved.v1" -> status(event, changes, false, "resolved");
            case "tiercare.complaint.closed.v1" -> status(event, changes, false, "closed");
            case "tiercare.complaint.reopened.v1" -> status(event, changes, true, "reopened");
            case "tiercare.complaint.rated.v1" -> inbox.once(COMPLAINT_EVENTS, event, Rated.class,
                    e -> changes.complaintRated(e.customerId(), e.complaintId(), e.rating(), e.ratedAt()));
            default -> {
                // acknowledged, plan proposed, waiting, SLA and escalation events: nothing tiering grades on
            }
        }
    }

    private void careEvent(IncomingEvent event, Changes changes) {
        if ("tiercare.care.task-completed.v1".equals(event.type())) {
            inbox.once(CARE_EVENTS, event, CareCompleted.class,
                    e -> changes.careContact(e.customerId(), e.taskId(), e.at(), e.outcome(), e.satisfaction()));
        }
        // scheduled, overdue, cancelled…: the plan's business, not the customer's contribution
    }

    private void status(IncomingEvent event, Changes changes, boolean open, String what) {
        inbox.once(COMPLAINT_EVENTS, event, StatusChanged.class, e -> {
            Instant at = open ? e.reopenedAt() : "resolved".equals(what) ? e.resolvedAt() : e.closedAt();
            // without its own time, the CloudEvent's: when the complaint-service recorded the change
            changes.complaintStatus(e.customerId(), e.complaintId(), open, at != null ? at : event.time(), what);
        });
    }
}
