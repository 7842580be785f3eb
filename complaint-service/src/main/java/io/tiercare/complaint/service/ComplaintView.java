package io.tiercare.complaint.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.privacy.Masking;
import io.tiercare.complaint.domain.Complaint;
import io.tiercare.complaint.domain.Milestone;
import io.tiercare.complaint.domain.SlaPolicy;
import io.tiercare.complaint.domain.WorkingCalendar;
import io.tiercare.complaint.repository.ComplaintRepository.Rating;

/** A complaint as the API shows it, with each milestone's deadline and state as of now. */
public record ComplaintView(UUID id, UUID customerId, String channel, String category, String severity, String title,
        String description, String contact, Instant occurredAt, Instant filedAt, String filedBy, String status,
        String customerTier, int slaPolicyVersion, String slaClock, String assignee, String team,
        Instant pausedSince, long pausedSeconds, Instant resolvedAt, Instant closedAt, int reopenCount,
        List<MilestoneView> milestones, List<RatingView> ratings, long version) {

    /** A satisfaction rating of one resolution (1–5), with the customer's comment unless it is withheld. */
    public record RatingView(int resolution, int rating, String comment, String ratedBy, Instant ratedAt) {

        static RatingView of(Rating rating, boolean masked) {
            return new RatingView(rating.resolution(), rating.rating(), masked ? null : rating.comment(),
                    rating.ratedBy(), rating.ratedAt());
        }
    }

    /** One milestone: {@code state} is ON_TRACK, AT_RISK, BREACHED, PAUSED or MET; a breach stays recorded. */
    public record MilestoneView(String kind, int round, String target, Instant startedAt, Instant dueAt,
            Long remainingSeconds, Instant metAt, boolean breached, Instant breachedAt, String state,
            int escalationLevel) {
    }

    static ComplaintView of(Complaint c, List<Rating> ratings, SlaPolicy policy, WorkingCalendar calendar,
            Instant now) {
        return of(c, ratings, policy, calendar, now, false);
    }

    /**
     * {@code masked} (analysts, other systems): the contact details masked, and what people wrote (title,
     * description, rating comments) withheld — free text names people and numbers no mask can find.
     */
    static ComplaintView of(Complaint c, List<Rating> ratings, SlaPolicy policy, WorkingCalendar calendar,
            Instant now, boolean masked) {
        List<MilestoneView> milestones = c.milestones().stream().map(m -> milestone(m, c, policy, calendar, now))
                .toList();
        return new ComplaintView(c.id(), c.customerId(), c.channel().name(), c.categoryCode(), c.severity().name(),
                masked ? null : c.title(), masked ? null : c.description(),
                masked ? Masking.contact(c.contact()) : c.contact(), c.occurredAt(),
                c.filedAt(), c.filedBy(), c.status().name(),
                c.customerTier(), c.slaPolicyVersion(), c.slaClock().name(), c.assignee(), c.team(),
                c.pausedSince(), c.pausedSeconds(), c.resolvedAt(), c.closedAt(), c.reopenCount(), milestones,
                ratings.stream().map(r -> RatingView.of(r, masked)).toList(), c.version());
    }

    private static MilestoneView milestone(Milestone m, Complaint c, SlaPolicy policy, WorkingCalendar calendar,
            Instant now) {
        Milestone.State state = m.state(now, calendar, c.slaClock(), policy.atRiskShare());
        boolean breached = m.breachedAt() != null || state == Milestone.State.BREACHED;
        return new MilestoneView(m.kind().name(), m.round(), m.target().toString(), m.startedAt(), m.dueAt(),
                m.remainingSeconds(), m.metAt(), breached, m.breachedAt() != null ? m.breachedAt() : breached
                        ? m.dueAt() : null, state.name(), m.escalationLevel());
    }
}
