package io.tiercare.chassis.events;

/**
 * A message that can never be processed (unparseable, unknown type or version, failing validation). Thrown from a
 * consumer, it sends the message to the service's dead-letter topic with this message as the reason.
 */
public class PoisonMessageException extends RuntimeException {

    public PoisonMessageException(String reason) {
        super(reason);
    }

    public PoisonMessageException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
