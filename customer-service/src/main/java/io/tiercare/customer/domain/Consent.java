package io.tiercare.customer.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One grant or withdrawal of marketing consent for a channel; the history is never rewritten. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private ContactChannel channel;
    private boolean granted;
    private String source;
    private Instant changedAt;
    private Instant recordedAt;

    protected Consent() {
    }

    public Consent(UUID customerId, ContactChannel channel, boolean granted, String source, Instant changedAt,
            Instant now) {
        this.customerId = customerId;
        this.channel = channel;
        this.granted = granted;
        this.source = source;
        this.changedAt = changedAt;
        this.recordedAt = now;
    }

    public ContactChannel channel() {
        return channel;
    }

    public boolean granted() {
        return granted;
    }

    public String source() {
        return source;
    }

    public Instant changedAt() {
        return changedAt;
    }
}
