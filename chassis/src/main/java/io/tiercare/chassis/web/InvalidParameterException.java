package io.tiercare.chassis.web;

import jakarta.ws.rs.BadRequestException;

/** A path, query or header parameter that could not be read as its declared type. */
public class InvalidParameterException extends BadRequestException {

    private final String parameter;

    public InvalidParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
