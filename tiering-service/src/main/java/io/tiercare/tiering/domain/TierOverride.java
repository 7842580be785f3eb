package io.tiercare.tiering.domain;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import io.tiercare.chassis.problem.InvalidInputException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A tier set by a person (domain.md §3: a manual override has a reason and an expiry), or by an overturned appeal. It
 * sets the customer's tier in its scheme while in force, whatever the rules say; it ends at its expiry, by hand, or
 * when another replaces it. The rows are the audit trail: none is ever deleted.
 */
@Entity
@Table(name = "tier_override")
public class TierOverride {

    /** {@code ended_by} of an override that ran out. */
    public static final String EXPIRY = "expiry";

    @Id
    private UUID id;
    private UUID customerId;
    private String schemeCode;
    private String tier;
    private String reason;
    private Instant expiresAt;
    private String createdBy;
    private Instant createdAt;
    private Instant endedAt;
    private String endedBy;
    private UUID appealId;
    @Version
    private long version;

    protected TierOverride() {
    }

    /** Sets the customer's tier by hand until {@code expiresAt}: a tier of the scheme, an expiry in the future. */
    public static TierOverride set(UUID customerId, TierScheme scheme, String tier, String reason, Instant expiresAt,
            String by, Instant now) {
        if (scheme.indexOf(tier) < 0) {
            throw new InvalidInputException("tier", "'" + tier + "' is not a tier of " + scheme.code()
                    + "; its tiers: " + String.join(", ",
                            scheme.policy().tiers().stream().map(PolicyDefinition.TierRule::code).toList()));
        }
        if (!expiresAt.isAfter(now)) {
            throw new InvalidInputException("expiresAt", "must be in the future");
        }
        return create(customerId, scheme.code(), tier, reason.strip(), expiresAt, by, now, null);
    }

    static TierOverride create(UUID customerId, String scheme, String tier, String reason, Instant expiresAt,
            String by, Instant now, UUID appealId) {
        TierOverride o = new TierOverride();
        o.id = TimeOrderedUuid.next();
        o.customerId = customerId;
        o.schemeCode = scheme;
        o.tier = tier;
        o.reason = reason;
        o.expiresAt = expiresAt;
        o.createdBy = by;
        o.createdAt = now;
        o.appealId = appealId;
        return o;
    }

    /** Ends the override now; {@code by}: a person, or {@code appeal <id>} when an appeal replaces it. */
    public void end(Instant at, String by) {
        if (endedAt != null) {
            throw new ConflictException("override " + id + " ended already, at " + endedAt + " (" + endedBy + ")");
        }
        endedAt = at;
        endedBy = by;
    }

    /** What the rules apply while it is in force: the history keeps the words, the public event says who decided. */
    public TierStanding.Override asRule() {
        String why = appealId != null ? reason : "override by " + createdBy + ": " + reason;
        String told = appealId != null ? "appeal " + appealId + " overturned the change" : "override by " + createdBy;
        return new TierStanding.Override(tier, expiresAt, why, told);
    }

    public boolean inForce() {
        return endedAt == null;
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

    public String tier() {
        return tier;
    }

    public String reason() {
        return reason;
    }

    public Instant expiresAt() {
        return expiresAt;
    }

    public String createdBy() {
        return createdBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant endedAt() {
        return endedAt;
    }

    public String endedBy() {
        return endedBy;
    }

    public UUID appealId() {
        return appealId;
    }
}
