package io.tiercare.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.hibernate.annotations.DynamicUpdate;

import io.tiercare.chassis.id.TimeOrderedUuid;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One SLA promise of a complaint: its target, its deadline on the complaint's clock, and whether and when it was met
 * or breached. While the complaint waits on the customer the deadline is lifted and what was left is kept; a breach
 * stays recorded when the milestone is met later.
 */
@Entity
@Table(name = "complaint_milestone")
@DynamicUpdate // the SLA detector sets at_risk_at, breached_at and the escalation level with its own statements
public class Milestone {

    /** How a milestone stands, as shown to people. */
    public enum State {
        ON_TRACK, AT_RISK, BREACHED, PAUSED, MET
    }

    @Id
    private UUID id;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "complaint_id")
    private Complaint complaint;
    @Enumerated(EnumType.STRING)
    private MilestoneKind kind;
    private int round;
    private long targetSeconds;
    private Instant startedAt;
    private Instant dueAt;
    private Long remainingSeconds;
    private Instant metAt;
    private Instant breachedAt;
    private Instant atRiskAt;
    private Instant warnAt;
    private int escalationLevel;

    protected Milestone() {
    }

    Milestone(Complaint complaint, MilestoneKind kind, int round, Duration target, Instant startedAt,
            WorkingCalendar calendar, SlaClock clock, double atRiskShare) {
        this.id = TimeOrderedUuid.next();
        this.complaint = complaint;
        this.kind = kind;
        this.round = round;
        this.targetSeconds = target.getSeconds();
        this.startedAt = startedAt;
        schedule(startedAt, target.getSeconds(), calendar, clock, atRiskShare);
    }

    /** Sets the deadline {@code left} seconds of SLA time from {@code from}, and when it becomes at risk. */
    private void schedule(Instant from, long left, WorkingCalendar calendar, SlaClock clock, double atRiskShare) {
        dueAt = calendar.add(from, Duration.ofSeconds(left), clock);
        long safe = Math.round((1 - atRiskShare) * targetSeconds); // what is left when it becomes at risk
        warnAt = left <= safe ? from : calendar.add(from, Duration.ofSeconds(left - safe), clock);
    }

    boolean isOpen() {
        return metAt == null;
    }

    /** Marks it met; true when this is also the first the SLA knows of its breach (met late, not yet detected). */
    boolean meet(Instant now) {
        boolean newlyBreached = false;
        if (dueAt != null && now.isAfter(dueAt) && breachedAt == null) {
            breachedAt = dueAt;
            newlyBreached = true;
        }
        metAt = now;
        remainingSeconds = null;
        return newlyBreached;
    }

    /** Stops its clock; true when this is also the first the SLA knows of its breach (due already, not detected). */
    boolean pause(Instant now, WorkingCalendar calendar, SlaClock clock) {
        remainingSeconds = calendar.between(now, dueAt, clock).getSeconds();
        boolean newlyBreached = breachedAt == null && !now.isBefore(dueAt);
        if (newlyBreached) {
            breachedAt = dueAt;
        }
        dueAt = null;
        warnAt = null;
        return newlyBreached;
    }

    void resume(Instant now, WorkingCalendar calendar, SlaClock clock, double atRiskShare) {
        schedule(now, remainingSeconds, calendar, clock, atRiskShare);
        remainingSeconds = null;
    }

    /** How it stands at {@code now}; {@code atRiskShare} of the target elapsed makes an open milestone at risk. */
    public State state(Instant now, WorkingCalendar calendar, SlaClock clock, double atRiskShare) {
        if (metAt != null) {
            return State.MET;
        }
        if (dueAt == null) {
            return breachedAt != null ? State.BREACHED : State.PAUSED;
        }
        if (breachedAt != null || !now.isBefore(dueAt)) {
            return State.BREACHED;
        }
        long left = calendar.between(now, dueAt, clock).getSeconds();
        return targetSeconds - left >= atRiskShare * targetSeconds ? State.AT_RISK : State.ON_TRACK;
    }

    public MilestoneKind kind() {
        return kind;
    }

    public int round() {
        return round;
    }

    public Duration target() {
        return Duration.ofSeconds(targetSeconds);
    }

    public Instant startedAt() {
        return startedAt;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public Long remainingSeconds() {
        return remainingSeconds;
    }

    public Instant metAt() {
        return metAt;
    }

    public Instant breachedAt() {
        return breachedAt;
    }

    public Instant atRiskAt() {
        return atRiskAt;
    }

    public int escalationLevel() {
        return escalationLevel;
    }
}
