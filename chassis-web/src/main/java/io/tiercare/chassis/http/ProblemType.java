package io.tiercare.chassis.http;

/** The kinds of problem a TierCare service reports; the type URI and title are stable for clients to match on. */
public enum ProblemType {
    VALIDATION_FAILED(400, "Request validation failed"),
    MALFORMED_REQUEST(400, "Malformed request"),
    UNAUTHENTICATED(401, "Authentication required"),
    FORBIDDEN(403, "Forbidden"),
    NOT_FOUND(404, "Resource not found"),
    METHOD_NOT_ALLOWED(405, "Method not allowed"),
    NOT_ACCEPTABLE(406, "Not acceptable"),
    CONFLICT(409, "Conflict"),
    GONE(410, "Gone"),
    PRECONDITION_FAILED(412, "Precondition failed"),
    PAYLOAD_TOO_LARGE(413, "Payload too large"),
    URI_TOO_LONG(414, "URI too long"),
    HEADERS_TOO_LARGE(431, "Request header fields too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "Unsupported media type"),
    PRECONDITION_REQUIRED(428, "Precondition required"),
    RATE_LIMITED(429, "Too many requests"),
    HTTP_ERROR(0, "HTTP error"),
    INTERNAL_ERROR(500, "Internal server error"),
    SERVICE_UNAVAILABLE(503, "Service unavailable"),
    /** The gateway: the service behind it cannot be reached, or its breaker is open. */
    UPSTREAM_UNAVAILABLE(503, "Service unavailable"),
    /** The gateway: the service behind it did not connect or answer in time. */
    UPSTREAM_TIMEOUT(504, "Gateway timeout");

    private final int status;
    private final String title;

    ProblemType(int status, String title) {
        this.status = status;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String uri() {
        return "urn:tiercare:problem:" + name().toLowerCase().replace('_', '-');
    }
}
