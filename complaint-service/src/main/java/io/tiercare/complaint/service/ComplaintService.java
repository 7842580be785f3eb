package io.tiercare.complaint.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.complaint.domain.Complaint;
import io.tiercare.complaint.domain.Complaint.Intake;
import io.tiercare.complaint.domain.ComplaintStatus;
import io.tiercare.complaint.domain.SlaPolicy;
import io.tiercare.complaint.domain.WorkingCalendar;
import io.tiercare.complaint.domain.event.ComplaintProgressed;
import io.tiercare.complaint.domain.event.ComplaintRated;
import io.tiercare.complaint.messaging.ComplaintEventPublisher;
import io.tiercare.complaint.repository.ComplaintRepository;
import io.tiercare.complaint.repository.ComplaintRepository.Action;
import io.tiercare.complaint.repository.CustomerDirectory;
import io.tiercare.complaint.repository.CustomerDirectory.CustomerRef;
import io.tiercare.complaint.service.SlaService.PolicyVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Files complaints and carries out the workflow's actions, each in one transaction with its timeline line and its
 * event. The customer check happens before (see {@link CustomerCheck}), outside the transaction.
 */
@ApplicationScoped
@Transactional
public class ComplaintService {

    private final io.tiercare.chassis.audit.PersonalDataReads reads;

    /** The workflow's actions on an existing complaint. */
    public enum ActionKind {
        ACKNOWLEDGE, PROPOSE_PLAN, WAIT, RESUME, RESOLVE, CLOSE, REOPEN
    }

    /** The outcome of a submit: the complaint, and whether this request created it (false: a retry). */
    public record Submitted(ComplaintView complaint, boolean created) {
    }

    private final ComplaintRepository complaints;
    private final CategoryService categories;
    private final SlaService sla;
    private final ComplaintEventPublisher events;
    private final CustomerDirectory directory;
    private final Clock clock;

    ComplaintService(ComplaintRepository complaints, CategoryService categories, SlaService sla,
            ComplaintEventPublisher events, CustomerDirectory directory, Clock clock, io.tiercare.chassis.audit.PersonalDataReads reads) {
        this.reads = reads;
        this.complaints = complaints;
        this.directory = directory;
        this.categories = categories;
        this.sla = sla;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Files the complaint for a customer already checked; with an idempotency key, a retry of the same request
     * returns the first complaint, and the key reused for a different request is a conflict.
     */
    public Submitted file(Intake intake, CustomerRef customer, String idempotencyKey, String by) {
        String hash = hash(intake, customer.customerId());
        if (idempotencyKey != null) {
            Complaint earlier = complaints.byIdempotencyKey(idempotencyKey).orElse(null);
            if (earlier != null) {
                return retried(earlier, hash, idempotencyKey);
            }
        }
        categories.usable(intake.categoryCode());
        PolicyVersion policy = sla.current();
        WorkingCalendar calendar = sla.calendar(policy.definition());
        Instant now = clock.instant();
        Intake resolved = new Intake(customer.customerId(), intake.channel(), intake.categoryCode(),
                intake.severity(), intake.title(), intake.description(), intake.contact(), intake.occurredAt());
        Complaint.Filed filed = Complaint.file(resolved, customer.valueTier(), policy.version(),
                policy.definition().ruleFor(customer.valueTier(), intake.severity()),
                policy.definition().atRiskShare(), calendar, by, idempotencyKey, hash, now);
        complaints.persist(filed.complaint());
        complaints.record(filed.complaint().id(), "FILE", by, now, null, ComplaintStatus.FILED, null);
        events.publish(filed.event());
        reads.record(List.of(filed.complaint().customerId()), "FILE");
        return new Submitted(ComplaintView.of(filed.complaint(), List.of(), policy.definition(), calendar, now), true);
    }

    /**
     * The complaint an earlier request with this key filed, as a retry of {@code intake} would get it: for a submit
     * that lost the race to insert the same key at the same moment.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public java.util.Optional<Submitted> earlier(String idempotencyKey, Intake intake, CustomerRef customer) {
        return complaints.byIdempotencyKey(idempotencyKey)
                .map(earlier -> retried(earlier, hash(intake, customer.customerId()), idempotencyKey));
    }

    private Submitted retried(Complaint earlier, String hash, String key) {
        if (!hash.equals(earlier.requestHash())) {
            // the earlier complaint may be another account manager's customer's: never named
            throw new ConflictException("Idempotency-Key " + key + " was used for a different complaint");
        }
        return new Submitted(view(earlier), false);
    }

    public ComplaintView act(UUID id, ActionKind action, String note, String by) {
        Complaint complaint = complaints.lock(id).orElseThrow(() -> ResourceNotFoundException.of("Complaint", id));
        SlaPolicy policy = sla.version(complaint.slaPolicyVersion()).definition();
        WorkingCalendar calendar = sla.calendar(policy);
        Instant now = clock.instant();
        ComplaintStatus from = complaint.status();
        ComplaintProgressed event = switch (action) {
            case ACKNOWLEDGE -> complaint.acknowledge(by, now);
            case PROPOSE_PLAN -> complaint.proposePlan(by, now);
            case WAIT -> complaint.waitOnCustomer(by, calendar, now);
            case RESUME -> complaint.resume(by, calendar, policy.atRiskShare(), now);
            case RESOLVE -> complaint.resolve(by, now);
            case CLOSE -> complaint.close(by, now);
            case REOPEN -> complaint.reopen(by, calendar, policy.atRiskShare(), now);
        };
        complaints.record(id, action.name(), by, now, from, complaint.status(), note);
        events.publishAll(complaint.takeLateBreaches());
        events.publish(event);
        reads.record(List.of(complaint.customerId()), action.name());
        return ComplaintView.of(complaint, complaints.ratings(id), policy, calendar, now);
    }

    /** The customer's rating of the latest resolution, once per resolution. */
    public ComplaintView rate(UUID id, int rating, String comment, String by, Access access) {
        Complaint complaint = complaints.lock(id).orElseThrow(() -> ResourceNotFoundException.of("Complaint", id));
        Instant now = clock.instant();
        ComplaintRated event = complaint.rate(rating, now);
        complaints.rating(id, event.resolution(), rating, comment, by, now);
        complaints.record(id, "RATE", by, now, complaint.status(), complaint.status(), rating + "/5");
        events.publish(event);
        // no richer than what the caller may read (a system recording ratings reads complaints masked)
        reads.record(List.of(complaint.customerId()), "RATE");
        return view(complaint, access.masked());
    }

    public ComplaintView assign(UUID id, String assignee, String team, String note, String by) {
        Complaint complaint = complaints.lock(id).orElseThrow(() -> ResourceNotFoundException.of("Complaint", id));
        complaint.assign(assignee, team);
        complaints.record(id, "ASSIGN", by, clock.instant(), complaint.status(), complaint.status(),
                "assignee=" + assignee + ", team=" + team + (note == null ? "" : "; " + note));
        reads.record(List.of(complaint.customerId()), "ASSIGN");
        return view(complaint);
    }

    public ComplaintView note(UUID id, String note, String by) {
        Complaint complaint = complaints.lock(id).orElseThrow(() -> ResourceNotFoundException.of("Complaint", id));
        complaints.record(id, "NOTE", by, clock.instant(), complaint.status(), complaint.status(), note);
        reads.record(List.of(complaint.customerId()), "NOTE");
        return view(complaint);
    }

    /** The complaint as this caller may see it: 404 outside an account manager's customers, contact masked. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ComplaintView get(UUID id, Access access) {
        Complaint complaint = visible(id, access);
        reads.record(List.of(complaint.customerId()), "READ");
        return view(complaint, access.masked());
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<ComplaintView> list(UUID customerId, ComplaintStatus status, String category, PageRequest page,
            Access access) {
        String managedBy = access.managerScope().orElse(null);
        List<ComplaintView> items = complaints.list(customerId, status, category, managedBy, page.offset(),
                page.size()).stream().map(c -> view(c, access.masked())).toList();
        reads.record(items.stream().map(ComplaintView::customerId).distinct().toList(), "LIST");
        return Page.of(items, page, complaints.count(customerId, status, category, managedBy));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Action> timeline(UUID id, Access access) {
        visible(id, access);
        List<Action> actions = complaints.timeline(id);
        // masked roles see what was done and when, never what people wrote
        return access.masked() ? actions.stream().map(Action::withoutNote).toList() : actions;
    }

    private Complaint visible(UUID id, Access access) {
        Complaint complaint = complaints.find(id).orElse(null);
        if (complaint == null || (access.managerScope().isPresent() && !access.reaches(directory
                .find(complaint.customerId()).map(CustomerRef::accountManagerId).orElse(null)))) {
            throw ResourceNotFoundException.of("Complaint", id);
        }
        return complaint;
    }

    private ComplaintView view(Complaint complaint) {
        return view(complaint, false);
    }

    private ComplaintView view(Complaint complaint, boolean masked) {
        SlaPolicy policy = sla.version(complaint.slaPolicyVersion()).definition();
        return ComplaintView.of(complaint, complaints.ratings(complaint.id()), policy, sla.calendar(policy),
                clock.instant(), masked);
    }

    private static String hash(Intake intake, UUID customer) {
        String canonical = String.join("\u001f", String.valueOf(customer), String.valueOf(intake.channel()),
                String.valueOf(intake.categoryCode()), String.valueOf(intake.severity()),
                String.valueOf(intake.title()), String.valueOf(intake.description()),
                String.valueOf(intake.contact()), String.valueOf(intake.occurredAt()));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
