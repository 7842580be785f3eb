package io.tiercare.care.delivery;

import java.util.Map;

/**
 * Hands a rendered message to its channel. {@link Result#retryable()}: whether trying again later may succeed (a
 * server that did not answer) or never will (no provider for the channel, an address refused).
 */
public interface Delivery {

    /**
     * What to send: an id the receiver can deduplicate on, the address, the subject (email), the text; for SMS the
     * provider's approved signature and template code with the values of its placeholders (never free text).
     */
    record Outgoing(String messageId, String channel, String to, String subject, String text, String signName,
            String templateCode, Map<String, String> params) {
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
