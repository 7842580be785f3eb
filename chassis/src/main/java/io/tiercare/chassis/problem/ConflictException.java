package io.tiercare.chassis.problem;

/** The request clashes with the current state (duplicate, illegal state change): answered with 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
