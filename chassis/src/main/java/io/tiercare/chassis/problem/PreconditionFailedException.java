package io.tiercare.chassis.problem;

/** An {@code If-Match} precondition did not hold: answered with 412. */
public class PreconditionFailedException extends RuntimeException {

    public PreconditionFailedException(String message) {
        super(message);
    }
}
