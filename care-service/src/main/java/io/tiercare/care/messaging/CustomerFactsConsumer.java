package io.tiercare.care.messaging;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import io.tiercare.care.domain.ContactWindow;
import io.tiercare.care.repository.ContactPointRepository;
import io.tiercare.care.repository.ContactPointRepository.ContactPoint;
import io.tiercare.care.repository.CustomerRepository;
import io.tiercare.care.service.Calendar;
import io.tiercare.care.service.CarePlanning;
import io.tiercare.care.service.ComplaintNotices;
import io.tiercare.care.service.Erasure;
import io.tiercare.care.service.EventTasks;
import io.tiercare.chassis.events.EventDataReader;
import io.tiercare.chassis.events.IncomingEvent;
import io.tiercare.chassis.events.PoisonMessageException;
import io.tiercare.chassis.inbox.EventBatchHandler;
import io.tiercare.chassis.inbox.EventBatches;
import io.tiercare.chassis.inbox.Inbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/**
 * Keeps the customer projection and re-plans: {@code customer.events} (registration, account manager, preferences,
 * consents, merge, erasure), {@code customer.personal-data} (the latest snapshot of how to address and reach each
 * customer, and their birthday; a tombstone forgets it), {@code tier.events} (every scheme's tier; a tier older than the one held is
 * ignored) and the working calendar from {@code complaint.events}. Idempotent through the inbox; each batch is
 * applied in one transaction, and every customer it touched is re-planned once at its end. Our own copies of the
 * payloads (tolerant reader).
 */
@ApplicationScoped
public class CustomerFactsConsumer {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger
            .getLogger(CustomerFactsConsumer.class);
    static final String CUSTOMER_EVENTS = "care-customer-events";
    static final String TIER_EVENTS = "care-tier-events";
    static final String COMPLAINT_EVENTS = "care-complaint-events";

    record Profile(LocalDate birthday, String name, String gender, String mobilePhone, String email) {
    }

    record Registered(@NotNull UUID customerId, String accountManagerId, Profile profile, Instant registeredAt) {
    }

    record PersonalData(LocalDate birthday, String name, String gender, String mobilePhone, String email,
            Instant changedAt) {
    }

    record Updated(@NotNull UUID customerId, Profile profile, Instant updatedAt) {
    }

    record AccountManagerAssigned(@NotNull UUID customerId, String accountManagerId, Instant assignedAt) {
    }

    record Window(@NotNull List<DayOfWeek> days, @NotNull LocalTime from, @NotNull LocalTime to) {
    }

    record PreferencesChanged(@NotNull UUID customerId, String preferredChannel, List<@Valid Window> contactWindows,
            Boolean doNotDisturb, Instant changedAt) {
    }

    record ConsentChanged(@NotNull UUID customerId, @NotNull String channel, @NotNull Boolean granted,
            Instant changedAt) {
    }

    record Merged(@NotNull UUID customerId, @NotNull UUID mergedCustomerId) {
    }

    record Erased(@NotNull UUID customerId, @NotNull Instant erasedAt) {
    }

    record TierChanged(@NotNull UUID customerId, @NotNull String scheme, String fromTier,
            @NotNull String toTier, String direction, Instant effectiveAt, Map<String, Object> benefits) {
    }

    record Deadlines(Instant resolveBy) {
    }

    record ComplaintAcknowledged(@NotNull UUID complaintId, @NotNull UUID customerId, Instant acknowledgedAt,
            Deadlines deadlines) {
    }

    record ComplaintResolved(@NotNull UUID complaintId, @NotNull UUID customerId, Instant resolvedAt) {
    }

    record ComplaintRated(@NotNull UUID complaintId, @NotNull UUID customerId, Integer rating,
            Boolean followUpRequired) {
    }

    record CalendarDayChanged(@NotNull LocalDate day, Boolean working, String name, @NotNull Instant changedAt) {
    }

    private final Inbox inbox;
    private final EventBatches batches;
    private final CustomerRepository customers;
    private final CarePlanning planning;
    private final Calendar calendar;
    private final Erasure erasure;
    private final ContactPointRepository contactPoints;
    private final EventTasks eventTasks;
    private final ComplaintNotices complaintNotices;
    private final EventDataReader reader;
    private final io.micrometer.core.instrument.Counter unreadablePersonalData;

    CustomerFactsConsumer(Inbox inbox, EventBatches batches, CustomerRepository customers, CarePlanning planning,
            Calendar calendar, Erasure erasure, ContactPointRepository contactPoints, EventTasks eventTasks,
            ComplaintNotices complaintNotices, EventDataReader reader,
            io.micrometer.core.instrument.MeterRegistry registry) {
        this.reader = reader;
        this.unreadablePersonalData = io.micrometer.core.instrument.Counter
                .builder("tiercare.care.personal.data.unreadable")
                .description("Personal-data snapshots skipped because they could not be read").register(registry);
        this.contactPoints = contactPoints;
        this.eventTasks = eventTasks;
        this.complaintNotices = complaintNotices;
        this.inbox = inbox;
        this.batches = batches;
        this.customers = customers;
        this.planning = planning;
        this.calendar = calendar;
        this.erasure = erasure;
    }

    @Incoming("customer-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> customerEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> new Replanning() {
            @Override
            public void apply(IncomingEvent event) {
                customerEvent(event, this);
            }
        });
    }

    /**
     * The personal-data snapshots, applied without the inbox: each is whole and supersedes the one before (an older
     * one arriving late is ignored), so applying one twice changes nothing.
     */
    @Incoming("personal-data")
    @Blocking(ordered = true)
    public CompletionStage<Void> personalData(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> (EventBatchHandler) this::personalDataEvent);
    }

    @Incoming("tier-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> tierEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> new Replanning() {
            @Override
            public void apply(IncomingEvent event) {
                tierEvent(event, this);
            }
        });
    }

    @Incoming("complaint-events")
    @Blocking(ordered = true)
    public CompletionStage<Void> complaintEvents(KafkaRecordBatch<String, String> batch) {
        return batches.apply(batch, () -> (EventBatchHandler) this::complaintEvent);
    }

    /** A batch's handler: remembers whom to re-plan, and why, and re-plans them all once at the end. */
    private abstract class Replanning implements EventBatchHandler {

        private final Set<UUID> touched = new LinkedHashSet<>();
        private final Map<UUID, String> causes = new HashMap<>();

        void replan(UUID customerId, String cause) {
            touched.add(customerId);
            causes.merge(customerId, cause, (a, b) -> a.equals(b) ? a : a + "; " + b);
        }

        @Override
        public void complete() {
            planning.replanAll(touched, causes::get);
        }
    }

    private void customerEvent(IncomingEvent event, Replanning replanning) {
        Instant at = event.time() != null ? event.time() : Instant.EPOCH;
        switch (event.type()) {
            case "tiercare.customer.registered.v2" -> inbox.once(CUSTOMER_EVENTS, event, Registered.class, e -> {
                customers.registered(e.customerId(), e.accountManagerId(), at);
                replanning.replan(e.customerId(), "registered");
            });
            // v1 carried the personal data itself; an old log may still hold it
            case "tiercare.customer.registered.v1" -> inbox.once(CUSTOMER_EVENTS, event, Registered.class, e -> {
                customers.registered(e.customerId(), e.accountManagerId(), at);
                personal(e.customerId(), e.profile(), at);
                replanning.replan(e.customerId(), "registered");
            });
            case "tiercare.customer.updated.v1" -> inbox.once(CUSTOMER_EVENTS, event, Updated.class,
                    e -> personal(e.customerId(), e.profile(), at));
            case "tiercare.customer.account-manager-assigned.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    AccountManagerAssigned.class, e -> {
                        if (customers.accountManager(e.customerId(), e.accountManagerId(), at)) {
                            replanning.replan(e.customerId(), "account manager changed");
                        }
                    });
            case "tiercare.customer.preferences-changed.v1" -> inbox.once(CUSTOMER_EVENTS, event,
                    PreferencesChanged.class, e -> customers.preferences(e.customerId(), e.preferredChannel(),
                            windows(e.contactWindows()), Boolean.TRUE.equals(e.doNotDisturb()), at));
            case "tiercare.customer.consent-changed.v1" -> inbox.once(CUSTOMER_EVENTS, event, ConsentChanged.class,
                    e -> customers.consent(e.customerId(), e.channel(), e.granted(), at));
            case "tiercare.customer.merged.v1" -> inbox.once(CUSTOMER_EVENTS, event, Merged.class, e -> {
                customers.merged(e.mergedCustomerId(), e.customerId(), at);
                replanning.replan(e.mergedCustomerId(), "merged into customer " + e.customerId());
            });
            case "tiercare.customer.erased.v1" -> inbox.once(CUSTOMER_EVENTS, event, Erased.class,
                    e -> erasure.erase(e.customerId(), e.erasedAt()));
            default -> {
                // purchases, refunds, inquiries: nothing care plans on
            }
        }
    }

    /**
     * A snapshot that cannot be read is skipped with a warning naming where it is, and counted
     * ({@code tiercare_care_personal_data_unreadable_total}), never dead-lettered: a dead-letter topic is not
     * compacted, so it would keep a customer's personal data past their erasure. The compacted topic keeps the record
     * for an operator to read, and the customer's next snapshot supersedes it.
     */
    private void personalDataEvent(IncomingEvent event) {
        try {
            applyPersonalData(event);
        } catch (PoisonMessageException unreadable) {
            unreadablePersonalData.increment();
            // not the reason: the reader's message may quote the data
            LOG.warnf("Skipped an unreadable personal-data snapshot (%s, id %s) at %s-%d@%d", event.type(),
                    event.id(), event.topic(), event.partition(), event.offset());
        }
    }

    private void applyPersonalData(IncomingEvent event) {
        UUID customerId;
        try {
            customerId = UUID.fromString(String.valueOf(event.subject()));
        } catch (IllegalArgumentException e) {
            throw new PoisonMessageException("ce_subject is not a customer id");
        }
        Instant at = event.time() != null ? event.time() : Instant.EPOCH;
        if (event.isTombstone()) {
            erasure.forgetPersonalData(customerId, at);
            return;
        }
        PersonalData data = reader.read(event, PersonalData.class);
        personal(customerId, new Profile(data.birthday(), data.name(), data.gender(), data.mobilePhone(),
                data.email()), data.changedAt() != null ? data.changedAt() : at);
    }

    private void tierEvent(IncomingEvent event, Replanning replanning) {
        if ("tiercare.tier.changed.v1".equals(event.type())) {
            inbox.once(TIER_EVENTS, event, TierChanged.class, e -> {
                Instant effective = e.effectiveAt() != null ? e.effectiveAt()
                        : event.time() != null ? event.time() : Instant.EPOCH;
                if (customers.tier(e.customerId(), e.scheme(), e.toTier(), e.benefits(), effective)) {
                    replanning.replan(e.customerId(), e.scheme() + " tier "
                            + (e.fromTier() == null ? "" : e.fromTier() + " ") + "→ " + e.toTier());
                    eventTasks.tierChanged(e.customerId(), e.scheme(), e.fromTier(), e.toTier(), e.direction(),
                            effective);
                }
            });
        }
    }

    private void complaintEvent(IncomingEvent event) {
        switch (event.type()) {
            case "tiercare.calendar.day-changed.v1" -> inbox.once(COMPLAINT_EVENTS, event, CalendarDayChanged.class,
                    e -> calendar.apply(e.day(), e.working(), e.working() == null ? null : e.name(), e.changedAt()));
            case "tiercare.complaint.acknowledged.v1" -> inbox.once(COMPLAINT_EVENTS, event,
                    ComplaintAcknowledged.class, e -> complaintNotices.acknowledged(e.customerId(), e.complaintId(),
                            e.deadlines() == null ? null : e.deadlines().resolveBy(),
                            e.acknowledgedAt() != null ? e.acknowledgedAt() : event.time()));
            case "tiercare.complaint.resolved.v1" -> inbox.once(COMPLAINT_EVENTS, event, ComplaintResolved.class,
                    e -> {
                        Instant resolvedAt = e.resolvedAt() != null ? e.resolvedAt() : event.time();
                        eventTasks.complaintResolved(e.customerId(), e.complaintId(), resolvedAt);
                        complaintNotices.resolved(e.customerId(), e.complaintId(), resolvedAt);
                    });
            case "tiercare.complaint.rated.v1" -> inbox.once(COMPLAINT_EVENTS, event, ComplaintRated.class,
                    e -> eventTasks.complaintRated(e.customerId(), e.complaintId(),
                            e.rating() == null ? 0 : e.rating(), Boolean.TRUE.equals(e.followUpRequired())));
            default -> {
                // the rest of a complaint's life is complaint-service's
            }
        }
    }

    /** How to address and reach the customer, and their birthday, as of {@code at}. */
    private void personal(UUID customerId, Profile profile, Instant at) {
        if (profile != null) {
            customers.birthday(customerId, profile.birthday(), at);
            contactPoints.save(new ContactPoint(customerId, profile.name(), profile.gender(), profile.mobilePhone(),
                    profile.email()), at);
        }
    }

    private static List<ContactWindow> windows(List<Window> windows) {
        return windows == null ? List.of()
                : windows.stream().map(w -> new ContactWindow(Set.copyOf(w.days()), w.from(), w.to())).toList();
    }
}
