package io.tiercare.tiering.messaging;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.inbox.Inbox;
import io.tiercare.tiering.service.MetricsProjection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Reads {@code customer.events} into the metrics projection and re-evaluates the customer, in one transaction with
 * the inbox claim. Our own copies of the payloads (tolerant reader): only the fields tiering needs.
 */
@ApplicationScoped
public class CustomerEventsConsumer {

    public static final String NAME = "tiering-customer-events";
    private static final String PREFIX = "tiercare.customer.";

    record Profile(Boolean usesCompetitor, UUID referredBy) {
    }

    record Registered(@NotNull UUID customerId, @Valid Profile profile, @NotNull Instant registeredAt) {
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

    private final Inbox inbox;
    private final EventDataReader reader;
    private final MetricsProjection projection;

    CustomerEventsConsumer(Inbox inbox, EventDataReader reader, MetricsProjection projection) {
        this.inbox = inbox;
        this.reader = reader;
        this.projection = projection;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    @Transactional
    public void consume(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.from(record);
        String type = event.type();
        if (!type.startsWith(PREFIX)) {
            return; // not ours to read
        }
        switch (type.substring(PREFIX.length())) {
            case "registered.v1" -> {
                Registered e = reader.read(event, Registered.class);
                if (inbox.claim(NAME, event.id())) {
                    Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                    projection.profile(e.customerId(), e.registeredAt(), Boolean.TRUE.equals(p.usesCompetitor()),
                            p.referredBy(), "registered");
                }
            }
            case "updated.v1" -> {
                Updated e = reader.read(event, Updated.class);
                if (inbox.claim(NAME, event.id())) {
                    Profile p = e.profile() == null ? new Profile(false, null) : e.profile();
                    projection.profile(e.customerId(), null, Boolean.TRUE.equals(p.usesCompetitor()),
                            p.referredBy(), "profile updated");
                }
            }
            case "purchase-recorded.v1" -> {
                PurchaseRecorded e = reader.read(event, PurchaseRecorded.class);
                if (inbox.claim(NAME, event.id())) {
                    projection.purchase(e.customerId(), e.purchaseId(), e.amount(), e.purchasedAt());
                }
            }
            case "purchase-refunded.v1" -> {
                PurchaseRefunded e = reader.read(event, PurchaseRefunded.class);
                if (inbox.claim(NAME, event.id())) {
                    projection.refund(e.customerId(), e.purchaseId(), e.amount(), e.refundedAt());
                }
            }
            case "inquiry-recorded.v1" -> {
                InquiryRecorded e = reader.read(event, InquiryRecorded.class);
                if (inbox.claim(NAME, event.id())) {
                    projection.inquiry(e.customerId(), e.occurredAt());
                }
            }
            case "merged.v1" -> {
                Merged e = reader.read(event, Merged.class);
                if (inbox.claim(NAME, event.id())) {
                    projection.merge(e.customerId(), e.mergedCustomerId());
                }
            }
            case "erased.v1" -> {
                Erased e = reader.read(event, Erased.class);
                if (inbox.claim(NAME, event.id())) {
                    projection.erase(e.customerId(), e.erasedAt());
                }
            }
            default -> {
                // consent, preferences, account manager: nothing tiering grades on
            }
        }
    }
}
