package io.tiercare.chassis.http;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem detail, the body of every 4xx and 5xx answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem detail")
public record Problem(
        @Schema(examples = "urn:tiercare:problem:validation-failed") String type,
        @Schema(examples = "Request validation failed") String title,
        @Schema(examples = "400") int status,
        @Schema(examples = "mobilePhone: must be a mainland mobile number") String detail,
        @Schema(examples = "/api/v1/customers") String instance,
        @Schema(description = "Quote it when reporting a problem; the server log has the same id") String correlationId,
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field the request got wrong. */
    public record Violation(String field, String message) {
    }
}
