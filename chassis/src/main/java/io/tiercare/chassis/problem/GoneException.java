package io.tiercare.chassis.problem;

/** The resource existed and was removed for good (e.g. personal data erased): answered with 410. */
public class GoneException extends RuntimeException {

    public GoneException(String message) {
        super(message);
    }
}
