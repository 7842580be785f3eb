package io.tiercare.care.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.tiercare.care.domain.event.MessageEvent;
import io.tiercare.care.domain.event.MessageEvent.Outcome;
import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.chassis.problem.ConflictException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One message to one customer for one occasion (a birthday in a year, an appointment, a follow-up): placed, then
 * sent, suppressed by a contact rule, or failed after its attempts. Every action checks that the message still waits
 * and returns its event; final messages never change. The text and address are kept as sent, and erased with the
 * customer.
 */
@Entity
@Table(name = "care_message")
public class CareMessage {

    public static final int MAX_ATTEMPTS = 5;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);

    @Id
    private UUID id;
    private UUID customerId;
    private String occasion;
    @Enumerated(EnumType.STRING)
    private OutreachKind kind;
    @Enumerated(EnumType.STRING)
    private CareChannel channel;
    private String templateCode;
    private Integer templateVersion;
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "placeholder_values")
    private Map<String, String> values;
    @Enumerated(EnumType.STRING)
    private MessageStatus status;
    private String rule;
    private Instant sendAfter;
    private int attempts;
    private String recipient;
    private String subject;
    private String body;
    private String error;
    private String placedBy;
    private Instant createdAt;
    private Instant sentAt;
    private Instant updatedAt;
    private String receiptStatus;
    private String receiptError;
    private Instant receiptAt;
    @Version
    private long version;

    protected CareMessage() {
    }

    /** A message waiting to go out at {@code sendAfter} (now, or the first moment the rules allow). */
    public static CareMessage place(UUID customerId, String occasion, OutreachKind kind, CareChannel channel,
            String templateCode, Map<String, String> values, String placedBy, Instant now) {
        CareMessage message = new CareMessage();
        message.id = TimeOrderedUuid.next();
        message.customerId = customerId;
        message.occasion = occasion;
        message.kind = kind;
        message.channel = channel;
        message.templateCode = templateCode;
        message.values = Map.copyOf(values);
        message.status = MessageStatus.PENDING;
        message.sendAfter = now;
        message.placedBy = placedBy;
        message.createdAt = now;
        message.updatedAt = now;
        return message;
    }

    /** Handed to the channel and accepted: final. */
    public MessageEvent sent(int usedTemplateVersion, String to, String sentSubject, String sentBody, Instant now) {
        requirePending("send");
        status = MessageStatus.SENT;
        templateVersion = usedTemplateVersion;
        recipient = to;
        subject = sentSubject;
        body = sentBody;
        rule = null;
        error = null;
        attempts++;
        sentAt = now;
        updatedAt = now;
        return event(Outcome.SENT, now);
    }

    /** A contact rule stops it for good: final, with the rule named. */
    public MessageEvent suppress(String byRule, Instant now) {
        requirePending("suppress");
        status = MessageStatus.SUPPRESSED;
        rule = byRule;
        updatedAt = now;
        return event(Outcome.SUPPRESSED, now);
    }

    /** A contact rule lets it go later: it waits until {@code until}, the rule named. */
    public void waitUntil(Instant until, String byRule, Instant now) {
        requirePending("defer");
        sendAfter = until;
        rule = byRule;
        updatedAt = now;
    }

    /**
     * The channel refused or could not be reached: tried again after 30 s, 1 min, 2 min…; after {@value #MAX_ATTEMPTS}
     * attempts, or at once for a failure no retry can mend, it is FAILED and its event says why.
     */
    public MessageEvent failed(String why, boolean retryable, Instant now) {
        requirePending("fail");
        attempts++;
        error = why;
        updatedAt = now;
        if (retryable && attempts < MAX_ATTEMPTS) {
            sendAfter = now.plus(FIRST_RETRY.multipliedBy(1L << (attempts - 1)));
            return null;
        }
        status = MessageStatus.FAILED;
        return event(Outcome.FAILED, now);
    }

    /**
     * What the provider reported back about a message it took: DELIVERED, or UNDELIVERED with its reason. A message
     * gets one receipt; the same receipt again changes nothing, a different one is a conflict.
     */
    public void receipt(String status, String why, Instant at) {
        if (this.status != MessageStatus.SENT) {
            throw new ConflictException("message " + id + " is " + this.status + ": only a sent message has a receipt");
        }
        if (receiptStatus != null) {
            if (receiptStatus.equals(status)) {
                return;
            }
            throw new ConflictException("message " + id + " already has the receipt " + receiptStatus);
        }
        receiptStatus = status;
        receiptError = why;
        receiptAt = at;
    }

    /** Erasure: what was sent, where to and with which values goes; the fact of the message stays. */
    public void forget() {
        recipient = null;
        subject = null;
        body = null;
        values = Map.of();
        error = error == null ? null : "erased";
    }

    private void requirePending(String action) {
        if (status.isFinal()) {
            throw new ConflictException("cannot " + action + " message " + id + ": it is " + status);
        }
    }

    private MessageEvent event(Outcome outcome, Instant now) {
        return new MessageEvent(outcome, id, customerId, occasion, kind.name(), channel.name(), templateCode,
                templateVersion, rule, error, attempts, now);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public String occasion() {
        return occasion;
    }

    public OutreachKind kind() {
        return kind;
    }

    public CareChannel channel() {
        return channel;
    }

    public String templateCode() {
        return templateCode;
    }

    public Integer templateVersion() {
        return templateVersion;
    }

    public Map<String, String> values() {
        return values;
    }

    public MessageStatus status() {
        return status;
    }

    public String rule() {
        return rule;
    }

    public Instant sendAfter() {
        return sendAfter;
    }

    public int attempts() {
        return attempts;
    }

    public String recipient() {
        return recipient;
    }

    public String subject() {
        return subject;
    }

    public String body() {
        return body;
    }

    public String error() {
        return error;
    }

    public String placedBy() {
        return placedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant sentAt() {
        return sentAt;
    }

    public String receiptStatus() {
        return receiptStatus;
    }

    public String receiptError() {
        return receiptError;
    }

    public Instant receiptAt() {
        return receiptAt;
    }
}
