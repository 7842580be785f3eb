package io.tiercare.chassis.problem;

/** A value the client sent is invalid in a way bean validation can't express: answered with 400 naming the field. */
public class InvalidInputException extends RuntimeException {

    private final String field;

    public InvalidInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
