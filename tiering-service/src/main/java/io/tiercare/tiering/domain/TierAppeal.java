package io.tiercare.tiering.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ActionForbiddenException;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.tiering.domain.event.AppealDecided;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * An appeal (申诉) against a tier change (domain.md §3): filed against the latest change in a scheme, within 30 days
 * of it, one pending per scheme; it holds a downgrade while pending; a reviewer other than its filer decides it
 * (four-eyes): UPHELD, the change stands, or OVERTURNED, the former tier comes back as an override for a while. The
 * decision is final.
 */
@Entity
@Table(name = "tier_appeal")
public class TierAppeal {

    public static final Duration WINDOW = Duration.ofDays(30);

    /** The change appealed against, as the customer's history holds it. */
    public record AppealedChange(long id, String scheme, String fromTier, String toTier, Direction direction,
            Instant changedAt) {
    }

    @Id
    private UUID id;
    private UUID customerId;
    private String schemeCode;
    private long changeId;
    private String appealedFromTier;
    private String appealedToTier;
    private String reason;
    private String filedBy;
    private Instant filedAt;
    @Enumerated(EnumType.STRING)
    private AppealStatus status;
    private String decisionReason;
    private String decidedBy;
    private Instant decidedAt;
    @Version
    private long version;

    protected TierAppeal() {
    }

    /**
     * Files an appeal against {@code change}; {@code latest} is the scheme's latest change, {@code pending} whether an
     * appeal is already pending in the scheme.
     */
    public static TierAppeal file(UUID customerId, AppealedChange change, AppealedChange latest, boolean pending,
            String reason, String by, Instant now) {
        if (latest.id() != change.id()) {
            throw new ConflictException("only the latest change in " + change.scheme() + " can be appealed: change "
                    + change.id() + " was followed by change " + latest.id() + " (" + latest.toTier() + ")");
        }
        if (change.direction() == Direction.INITIAL) {
            throw new ConflictException("change " + change.id() + " is the customer's first grading in "
                    + change.scheme() + ": there is no earlier tier to return to");
        }
        Instant deadline = change.changedAt().plus(WINDOW);
        if (now.isAfter(deadline)) {
            throw new ConflictException("change " + change.id() + " took effect at " + change.changedAt()
                    + ": an appeal had to be filed within 30 days, by " + deadline);
        }
        if (pending) {
            throw new ConflictException("an appeal in " + change.scheme() + " is already pending for customer "
                    + customerId);
        }
        TierAppeal a = new TierAppeal();
        a.id = TimeOrderedUuid.next();
        a.customerId = customerId;
        a.schemeCode = change.scheme();
        a.changeId = change.id();
        a.appealedFromTier = change.fromTier();
        a.appealedToTier = change.toTier();
        a.reason = reason.strip();
        a.filedBy = by;
        a.filedAt = now;
        a.status = AppealStatus.PENDING;
        return a;
    }

    /**
     * Decides the appeal; an OVERTURNED one returns the override that brings the former tier back for
     * {@code overturnedFor}.
     */
    public Optional<TierOverride> decide(AppealStatus decision, String reason, String by, Instant now,
            Duration overturnedFor) {
        if (status != AppealStatus.PENDING) {
            throw new ConflictException("appeal " + id + " was already decided: " + status + " by " + decidedBy
                    + " at " + decidedAt);
        }
        if (filedBy.equals(by)) {
            throw new ActionForbiddenException("appeal " + id + " was filed by " + by
                    + ": another reviewer must decide it (four-eyes)");
        }
        if (decision == AppealStatus.PENDING) {
            throw new InvalidInputException("decision", "must be UPHELD or OVERTURNED");
        }
        status = decision;
        decisionReason = reason.strip();
        decidedBy = by;
        decidedAt = now;
        if (decision == AppealStatus.UPHELD) {
            return Optional.empty();
        }
        return Optional.of(TierOverride.create(customerId, schemeCode, appealedFromTier,
                "appeal overturned the change to " + appealedToTier + ": " + decisionReason,
                now.plus(overturnedFor), by, now, id));
    }

    /** The decision as published: who filed and who decided, never the reviewer's words. */
    public AppealDecided decided(String resultingTier) {
        if (status == AppealStatus.PENDING) {
            throw new IllegalStateException("appeal " + id + " is not decided");
        }
        String word = status.name().toLowerCase(Locale.ROOT);
        return new AppealDecided(id, customerId, schemeCode, appealedFromTier, appealedToTier, status.name(),
                "appeal " + word + " (the reviewer's words stay in tiering)", filedBy, decidedBy, decidedAt,
                resultingTier);
    }

    /** Who ends the override in force when this appeal replaces it. */
    public String asEnder() {
        return "appeal " + id;
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String scheme() {
        return schemeCode;
    }

    public long changeId() {
        return changeId;
    }

    public String appealedFromTier() {
        return appealedFromTier;
    }

    public String appealedToTier() {
        return appealedToTier;
    }

    public String reason() {
        return reason;
    }

    public String filedBy() {
        return filedBy;
    }

    public Instant filedAt() {
        return filedAt;
    }

    public AppealStatus status() {
        return status;
    }

    public String decisionReason() {
        return decisionReason;
    }

    public String decidedBy() {
        return decidedBy;
    }

    public Instant decidedAt() {
        return decidedAt;
    }
}
