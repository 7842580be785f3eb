package io.tiercare.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.complaint.domain.SlaPolicy.Rule;
import io.tiercare.complaint.domain.event.ComplaintFiled;
import io.tiercare.complaint.domain.event.ComplaintProgressed;
import io.tiercare.complaint.domain.event.ComplaintRated;
import io.tiercare.complaint.domain.event.ComplaintProgressed.Step;
import io.tiercare.complaint.domain.event.Deadlines;
import io.tiercare.complaint.domain.event.SlaAlert;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

/**
 * A complaint and its SLA. Filing stamps the policy version and sets the three milestones' deadlines (all counted
 * from filing, on the clock the policy's rule names); every workflow step is an action that checks the status it
 * starts from (409 otherwise) and returns the event it produced. Waiting on the customer lifts the deadlines and
 * keeps what was left; resuming sets them again from then. Reopening adds a fresh resolve milestone.
 */
@Entity
@Table(name = "complaint")
public class Complaint {

    private static final Set<ComplaintStatus> WORKING = Set.of(ComplaintStatus.ACKNOWLEDGED,
            ComplaintStatus.PLAN_PROPOSED, ComplaintStatus.REOPENED);

    @Id
    private UUID id;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private Channel channel;
    private String categoryCode;
    @Enumerated(EnumType.STRING)
    private Severity severity;
    private String title;
    private String description;
    private String contact;
    private Instant occurredAt;
    private Instant filedAt;
    private String filedBy;
    private String idempotencyKey;
    private String requestHash;
    @Enumerated(EnumType.STRING)
    private ComplaintStatus status;
    @Enumerated(EnumType.STRING)
    private ComplaintStatus statusBeforeWait;
    private String customerTier;
    private int slaPolicyVersion;
    @Enumerated(EnumType.STRING)
    private SlaClock slaClock;
    private String assignee;
    private String team;
    private Instant pausedSince;
    private long pausedSeconds;
    private Instant resolvedAt;
    private Instant closedAt;
    private int reopenCount;
    private boolean rated;
    private Instant anonymisedAt;
    @Version
    private long version;
    @OneToMany(mappedBy = "complaint", cascade = CascadeType.ALL, orphanRemoval = true)
    private List<Milestone> milestones = new ArrayList<>();
    @Transient
    private final List<SlaAlert> lateBreaches = new ArrayList<>();

    protected Complaint() {
    }

    /** What the client said; the server adds who, when and the SLA. */
    public record Intake(UUID customerId, Channel channel, String categoryCode, Severity severity, String title,
            String description, String contact, Instant occurredAt) {
    }

    public record Filed(Complaint complaint, ComplaintFiled event) {
    }

    public static Filed file(Intake intake, String customerTier, int policyVersion, Rule rule, double atRiskShare,
            WorkingCalendar calendar, String filedBy, String idempotencyKey, String requestHash, Instant now) {
        Complaint c = new Complaint();
        c.id = TimeOrderedUuid.next();
        c.customerId = intake.customerId();
        c.channel = intake.channel();
        c.categoryCode = intake.categoryCode();
        c.severity = intake.severity();
        c.title = intake.title();
        c.description = intake.description();
        c.contact = intake.contact();
        c.occurredAt = intake.occurredAt();
        c.filedAt = now;
        c.filedBy = filedBy;
        c.idempotencyKey = idempotencyKey;
        c.requestHash = requestHash;
        c.status = ComplaintStatus.FILED;
        c.customerTier = customerTier;
        c.slaPolicyVersion = policyVersion;
        c.slaClock = rule.clock();
        for (MilestoneKind kind : MilestoneKind.values()) {
            c.milestones.add(new Milestone(c, kind, 1, rule.target(kind), now, calendar, rule.clock(), atRiskShare));
        }
        return new Filed(c, new ComplaintFiled(c.id, c.customerId, c.channel.name(), c.categoryCode,
                c.severity.name(), c.occurredAt, now, customerTier, policyVersion, rule.name(), rule.clock().name(),
                c.deadlines()));
    }

    public ComplaintProgressed acknowledge(String by, Instant now) {
        require("acknowledge", Set.of(ComplaintStatus.FILED));
        meet(MilestoneKind.ACKNOWLEDGE, now);
        return step(Step.ACKNOWLEDGED, ComplaintStatus.ACKNOWLEDGED, by, now);
    }

    public ComplaintProgressed proposePlan(String by, Instant now) {
        require("propose a plan for", Set.of(ComplaintStatus.ACKNOWLEDGED, ComplaintStatus.REOPENED));
        meet(MilestoneKind.PLAN, now);
        return step(Step.PLAN_PROPOSED, ComplaintStatus.PLAN_PROPOSED, by, now);
    }

    public ComplaintProgressed waitOnCustomer(String by, WorkingCalendar calendar, Instant now) {
        require("wait on the customer for", WORKING);
        for (Milestone m : open()) {
            if (m.pause(now, calendar, slaClock)) {
                lateBreaches.add(lateBreach(m, now));
            }
        }
        statusBeforeWait = status;
        pausedSince = now;
        return step(Step.WAITING, ComplaintStatus.WAITING_ON_CUSTOMER, by, now);
    }

    public ComplaintProgressed resume(String by, WorkingCalendar calendar, double atRiskShare, Instant now) {
        require("resume", Set.of(ComplaintStatus.WAITING_ON_CUSTOMER));
        for (Milestone m : open()) {
            m.resume(now, calendar, slaClock, atRiskShare);
        }
        pausedSeconds += Duration.between(pausedSince, now).getSeconds();
        pausedSince = null;
        ComplaintStatus back = statusBeforeWait;
        statusBeforeWait = null;
        return step(Step.RESUMED, back, by, now);
    }

    public ComplaintProgressed resolve(String by, Instant now) {
        require("resolve", WORKING);
        meet(MilestoneKind.PLAN, now); // a resolution is a plan carried out
        meet(MilestoneKind.RESOLVE, now);
        resolvedAt = now;
        rated = false;
        return step(Step.RESOLVED, ComplaintStatus.RESOLVED, by, now);
    }

    public ComplaintProgressed close(String by, Instant now) {
        require("close", Set.of(ComplaintStatus.RESOLVED));
        closedAt = now;
        return step(Step.CLOSED, ComplaintStatus.CLOSED, by, now);
    }

    /** A resolved complaint as the bulk close reads it: what its {@code closed} event needs. */
    public record Resolved(UUID id, UUID customerId, String categoryCode, Severity severity, long pausedSeconds) {
    }

    /**
     * The event of a resolved complaint closed in bulk (no entity loaded): the same as {@link #close} returns, a
     * resolved complaint having no deadline left.
     */
    public static ComplaintProgressed closedInBulk(Resolved r, String by, Instant now) {
        return new ComplaintProgressed(Step.CLOSED, r.id(), r.customerId(), r.categoryCode(), r.severity().name(), now,
                by, ComplaintStatus.CLOSED.name(), r.pausedSeconds(), new Deadlines(null, null, null));
    }

    /** Reopens a resolved or closed complaint: the resolve clock starts again, with the first round's target. */
    public ComplaintProgressed reopen(String by, WorkingCalendar calendar, double atRiskShare, Instant now) {
        require("reopen", Set.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED));
        Milestone first = milestones.stream().filter(m -> m.kind() == MilestoneKind.RESOLVE)
                .min(Comparator.comparingInt(Milestone::round)).orElseThrow();
        reopenCount++;
        milestones.add(new Milestone(this, MilestoneKind.RESOLVE, reopenCount + 1, first.target(), now, calendar,
                slaClock, atRiskShare));
        resolvedAt = null;
        closedAt = null;
        return step(Step.REOPENED, ComplaintStatus.REOPENED, by, now);
    }

    /** A rating of 2 or less asks for care follow-up. */
    public static final int FOLLOW_UP_AT_OR_BELOW = 2;

    /**
     * Records the customer's rating of the latest resolution: once per resolution, only while resolved or closed.
     * Returns the event; the caller stores the rating with its comment.
     */
    public ComplaintRated rate(int rating, Instant now) {
        require("rate", Set.of(ComplaintStatus.RESOLVED, ComplaintStatus.CLOSED));
        if (rated) {
            throw new ConflictException("resolution " + resolution() + " of complaint " + id + " is rated already");
        }
        rated = true;
        return new ComplaintRated(id, customerId, categoryCode, severity.name(), resolution(), rating,
                rating <= FOLLOW_UP_AT_OR_BELOW, now);
    }

    /** The current resolution's number: 1, then 2 after a reopen, …. */
    public int resolution() {
        return reopenCount + 1;
    }

    /** Hands the complaint to an agent and/or a team; refused once it is closed. */
    public void assign(String assignee, String team) {
        if (status == ComplaintStatus.CLOSED) {
            throw new ConflictException("complaint " + id + " is CLOSED: reopen it before assigning it");
        }
        this.assignee = assignee;
        this.team = team;
    }

    private void require(String action, Set<ComplaintStatus> from) {
        if (!from.contains(status)) {
            throw new ConflictException("cannot " + action + " complaint " + id + " while it is " + status
                    + " (allowed from " + from.stream().map(Enum::name).sorted().toList() + ")");
        }
    }

    private void meet(MilestoneKind kind, Instant now) {
        for (Milestone m : open()) {
            if (m.kind() == kind && m.meet(now)) {
                lateBreaches.add(lateBreach(m, now));
            }
        }
    }

    private SlaAlert lateBreach(Milestone m, Instant now) {
        return new SlaAlert(SlaAlert.Kind.BREACHED, id, customerId, categoryCode, severity.name(), m.kind().name(),
                m.round(), m.breachedAt(), now, Math.max(m.escalationLevel(), 2), "MANAGER", "BREACHED");
    }

    /**
     * Breaches recorded by this action because a milestone was met or paused after its deadline before the detector
     * saw it:
     * published ({@code sla-breached}) like the detector's, once.
     */
    public List<SlaAlert> takeLateBreaches() {
        List<SlaAlert> taken = List.copyOf(lateBreaches);
        lateBreaches.clear();
        return taken;
    }

    private List<Milestone> open() {
        return milestones.stream().filter(Milestone::isOpen).toList();
    }

    private ComplaintProgressed step(Step step, ComplaintStatus to, String by, Instant now) {
        status = to;
        return new ComplaintProgressed(step, id, customerId, categoryCode, severity.name(), now, by, to.name(),
                pausedSeconds, deadlines());
    }

    /** The open milestones' deadlines. */
    public Deadlines deadlines() {
        return new Deadlines(due(MilestoneKind.ACKNOWLEDGE), due(MilestoneKind.PLAN), due(MilestoneKind.RESOLVE));
    }

    private Instant due(MilestoneKind kind) {
        return open().stream().filter(m -> m.kind() == kind).findFirst().map(Milestone::dueAt).orElse(null);
    }

    /** The milestones, in order of kind and round. */
    public List<Milestone> milestones() {
        return milestones.stream().sorted(Comparator.comparing(Milestone::kind).thenComparingInt(Milestone::round))
                .toList();
    }

    public Optional<Milestone> milestone(MilestoneKind kind, int round) {
        return milestones.stream().filter(m -> m.kind() == kind && m.round() == round).findFirst();
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public Channel channel() {
        return channel;
    }

    public String categoryCode() {
        return categoryCode;
    }

    public Severity severity() {
        return severity;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public String contact() {
        return contact;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public String filedBy() {
        return filedBy;
    }

    public String requestHash() {
        return requestHash;
    }

    public ComplaintStatus status() {
        return status;
    }

    public String customerTier() {
        return customerTier;
    }

    public int slaPolicyVersion() {
        return slaPolicyVersion;
    }

    public SlaClock slaClock() {
        return slaClock;
    }

    public String assignee() {
        return assignee;
    }

    public String team() {
        return team;
    }

    public Instant pausedSince() {
        return pausedSince;
    }

    public long pausedSeconds() {
        return pausedSeconds;
    }

    public Instant resolvedAt() {
        return resolvedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int reopenCount() {
        return reopenCount;
    }

    public long version() {
        return version;
    }
}
