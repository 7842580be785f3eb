package io.tiercare.customer.domain;

import java.time.Instant;
import java.util.UUID;

import io.tiercare.chassis.id.TimeOrderedUuid;
import io.tiercare.customer.domain.event.InquiryRecorded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An inquiry or consultation (咨询记录), or feedback (反馈), from a customer. */
@Entity
@Table(name = "inquiry")
public class Inquiry {

    @Id
    private UUID id;
    private UUID customerId;
    @Enumerated(EnumType.STRING)
    private InquiryKind kind;
    private String channel;
    private String topic;
    private String content;
    private Instant occurredAt;
    private Instant recordedAt;
    private String recordedBy;

    protected Inquiry() {
    }

    public record Recorded(Inquiry inquiry, InquiryRecorded event) {
    }

    public static Recorded record(UUID customerId, InquiryKind kind, String channel, String topic, String content,
            Instant occurredAt, String recordedBy, Instant now) {
        Inquiry inquiry = new Inquiry();
        inquiry.id = TimeOrderedUuid.next();
        inquiry.customerId = customerId;
        inquiry.kind = kind;
        inquiry.channel = channel;
        inquiry.topic = topic;
        inquiry.content = content;
        inquiry.occurredAt = occurredAt;
        inquiry.recordedAt = now;
        inquiry.recordedBy = recordedBy;
        return new Recorded(inquiry, new InquiryRecorded(customerId, inquiry.id, kind, channel, occurredAt));
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public InquiryKind kind() {
        return kind;
    }

    public String channel() {
        return channel;
    }

    public String topic() {
        return topic;
    }

    public String content() {
        return content;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public String recordedBy() {
        return recordedBy;
    }
}
