package io.tiercare.care.delivery;

/**
 * Hands a rendered message to its channel. {@link Result#retryable()}: whether trying again later may succeed (a
 * server that did not answer) or never will (no provider for the channel, an address refused).
 */
public interface Delivery {

    /** What to send: the address, the subject (email), the text, and an id the receiver can deduplicate on. */
    record Outgoing(String messageId, String to, String subject, String text) {
    }

    /** Accepted, or refused with why and whether a retry may help. */
    record Result(boolean accepted, String error, boolean retryable) {

        public static Result ok() {
            return new Result(true, null, false);
        }

        public static Result failed(String error, boolean retryable) {
            return new Result(false, error, retryable);
        }
    }

    Result send(Outgoing message);
}
