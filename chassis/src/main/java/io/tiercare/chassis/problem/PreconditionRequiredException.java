package io.tiercare.chassis.problem;

/** A conditional write arrived without the required {@code If-Match}: answered with 428. */
public class PreconditionRequiredException extends RuntimeException {

    public PreconditionRequiredException(String message) {
        super(message);
    }
}
