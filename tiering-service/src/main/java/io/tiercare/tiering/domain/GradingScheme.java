package io.tiercare.tiering.domain;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A grading scheme (value tiers, membership levels, ABCD grades, lifecycle stages) as it changes: its policy version
 * is its optimistic lock, so each adopted policy takes the next version and two changes made at once cannot both take
 * the same one. The policies themselves are immutable rows, added once per version.
 */
@Entity
@Table(name = "tier_scheme")
public class GradingScheme {

    @Id
    private String code;
    private String name;
    private String kind;
    private String description;
    @Version
    @Column(name = "current_version")
    private int currentVersion;
    private Instant updatedAt;

    protected GradingScheme() {
    }

    /** Adopts a new policy now; returns the version it takes (written with the scheme when the transaction ends). */
    public int adopt(Instant now) {
        updatedAt = now;
        return currentVersion + 1;
    }

    public String code() {
        return code;
    }

    public int currentVersion() {
        return currentVersion;
    }
}
