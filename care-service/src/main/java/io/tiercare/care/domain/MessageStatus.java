package io.tiercare.care.domain;

/** Where a message stands: waiting to go (now or at a later moment the rules allow), or final. */
public enum MessageStatus {
    PENDING, SENT, SUPPRESSED, FAILED;

    public boolean isFinal() {
        return this != PENDING;
    }
}
