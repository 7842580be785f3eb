package io.tiercare.chassis.problem;

/**
 * The caller's role would allow the action, but a business rule forbids it to this caller (four-eyes: the one who
 * filed something may not decide it): answered with 403 and the rule in the detail.
 */
public class ActionForbiddenException extends RuntimeException {

    public ActionForbiddenException(String message) {
        super(message);
    }
}
