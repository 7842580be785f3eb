package io.tiercare.chassis.deadletter;

import java.time.Instant;

/**
 * A record on this service's dead-letter topic: where it sits, what it was and why it could not be applied. Its data
 * is not shown (it may hold personal data); re-driving sends it back as it was.
 */
public record DeadLetter(int partition, long offset, String eventId, String eventType, String subject, String reason,
        String originTopic, Integer originPartition, Long originOffset, Instant deadLetteredAt, Instant redrivenAt) {
}
