package io.tiercare.chassis.problem;

import java.util.List;
import java.util.stream.Collectors;

import io.tiercare.chassis.http.Problem.Violation;

/**
 * Values the client sent are invalid in a way bean validation can't express: answered with 400 naming each field.
 */
public class InvalidInputException extends RuntimeException {

    private final List<Violation> violations;

    public InvalidInputException(String field, String message) {
        super(message);
        this.violations = List.of(new Violation(field, message));
    }

    /** Several problems at once (a document checked as a whole); there must be at least one. */
    public InvalidInputException(List<Violation> violations) {
        super(describe(violations));
        this.violations = List.copyOf(violations);
    }

    /** Each field with its problem, for a problem's detail. */
    public String detail() {
        return describe(violations);
    }

    private static String describe(List<Violation> violations) {
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("no violations");
        }
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }

    /** The first field named (most failures name one). */
    public String field() {
        return violations.get(0).field();
    }

    public List<Violation> violations() {
        return violations;
    }
}
