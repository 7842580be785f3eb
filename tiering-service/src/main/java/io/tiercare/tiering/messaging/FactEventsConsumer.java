package io.tiercare.tiering.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.Inbox;
import io.tiercare.tiering.service.MetricsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * Reads the other services' events into the metrics projection and re-evaluates the customer, each in one
 * transaction with its inbox claim: {@code customer.events} (registrations, purchases, refunds, inquiries, merges,
 * erasures) and {@code complaint.events} (complaints filed, resolved, closed, reopened, rated). Our own copies of the
 * payloads (tolerant reader): only the fields tiering needs; types it does not grade on are skipped.
 */
@ApplicationScoped
public class FactEventsConsumer {

    public static final String CUSTOMER_EVENTS = "tiering-customer-events";
    public static final String COMPLAINT_EVENTS = "tiering-complaint-events";

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

    private final Inbox inbox;
    private final MetricsProjection projection;

    FactEventsConsumer(Inbox inbox, MetricsProjection projection) {
        this.inbox = inbox;
        this.projection = projection;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    @Transactional
    public void customerEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "tiercare.customer.registered.v1" -> inbox.once(CUSTOMER_EVENTS, event, Registered.class, e -> {
                Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                projection.profile(e.customerId(), e.registeredAt(), Boolean.TRUE.equals(p.usesCompetitor()),
                        p.referredBy(), "registered");
                projection.accountManager(e.customerId(), e.accountManagerId());
            });
            case "tiercare.customer.updated.v1" -> inbox.once(CUSTOMER_EVENTS, event, Updated.class, e -> {
                Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                projection.profile(e.customerId(), null, Boolean.TRUE.equals(p.usesCompetitor()), p.referredBy(),
                        "profile updated");
            });
            case "tiercare.customer.purchase-recorded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    PurchaseRecorded.class,
                    e -> projection.purchase(e.customerId(), e.purchaseId(), e.amount(), e.purchasedAt()));
            case "tiercare.customer.purchase-refunded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    PurchaseRefunded.class,
                    e -> projection.refund(e.customerId(), e.purchaseId(), e.amount(), e.refundedAt()));
            case "tiercare.customer.inquiry-recorded.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    InquiryRecorded.class, e -> projection.inquiry(e.customerId(), e.occurredAt()));
            case "tiercare.customer.merged.v1" -> inbox.once(CUSTOMER_EVENTS, event, Merged.class,
                    e -> projection.merge(e.customerId(), e.mergedCustomerId()));
            case "tiercare.customer.erased.v1" -> inbox.once(CUSTOMER_EVENTS, event, Erased.class,
                    e -> projection.erase(e.customerId(), e.erasedAt()));
            case "tiercare.customer.account-manager-assigned.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    AccountManagerAssigned.class, e -> projection.accountManager(e.customerId(), e.accountManagerId()));
            default -> {
                // consent, preferences: nothing tiering grades on
            }
        }
    }

    @Incoming("complaint-events")
    @Blocking(ordered = true)
    @Transactional
    public void complaintEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        switch (event.type()) {
            case "tiercare.complaint.filed.v1" -> inbox.once(COMPLAINT_EVENTS, event, Filed.class,
                    e -> projection.complaintFiled(e.customerId(), e.complaintId(), e.severity(), e.category(),
                            e.filedAt()));
            case "tiercare.complaint.resolved.v1" -> status(event, false, "resolved");
            case "tiercare.complaint.closed.v1" -> status(event, false, "closed");
            case "tiercare.complaint.reopened.v1" -> status(event, true, "reopened");
            case "tiercare.complaint.rated.v1" -> inbox.once(COMPLAINT_EVENTS, event, Rated.class,
                    e -> projection.complaintRated(e.customerId(), e.complaintId(), e.rating(), e.ratedAt()));
            default -> {
                // acknowledged, plan proposed, waiting, SLA and escalation events: nothing tiering grades on
            }
        }
    }

    private void status(IncomingEvent event, boolean open, String what) {
        inbox.once(COMPLAINT_EVENTS, event, StatusChanged.class, e -> {
            Instant at = open ? e.reopenedAt() : "resolved".equals(what) ? e.resolvedAt() : e.closedAt();
            // without its own time, the CloudEvent's: when the complaint-service recorded the change
            projection.complaintStatus(e.customerId(), e.complaintId(), open, at != null ? at : event.time(), what);
        });
    }
}
