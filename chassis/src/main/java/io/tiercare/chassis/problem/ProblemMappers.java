package io.tiercare.chassis.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.http.Problem.Violation;
import io.tiercare.chassis.http.ProblemType;
import io.tiercare.chassis.json.StrictJsonCustomizer;
import io.tiercare.chassis.outage.DatabaseOutage;
import io.tiercare.chassis.outage.InfrastructureFailure;
import io.tiercare.chassis.web.CorrelationId;
import io.tiercare.chassis.web.InvalidParameterException;
import jakarta.inject.Inject;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Turns every failure into an RFC 9457 problem. Client mistakes become 4xx with a detail naming what was wrong;
 * anything unexpected becomes a 500 whose body holds only a correlation id (the cause goes to the log).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    /** Ahead of the mappers Quarkus registers for the same exception types. */
    private static final int FIRST = Priorities.USER - 1000;
    /** Seconds a client is asked to wait before retrying during an outage (the probe looks every second). */
    static final int RETRY_AFTER_SECONDS = 5;

    @Inject
    DatabaseOutage outage;

    @ServerExceptionMapper(priority = FIRST)
    public Response validation(ConstraintViolationException e, ContainerRequestContext request) {
        List<Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            if (isReturnValue(v.getPropertyPath())) {
                return unexpected(e, request);
            }
            violations.add(new Violation(field(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return respond(ProblemType.VALIDATION_FAILED, summary(violations), request, violations);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidInput(InvalidInputException e, ContainerRequestContext request) {
        return respond(ProblemType.VALIDATION_FAILED, e.detail(), request, e.violations());
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response invalidParameter(InvalidParameterException e, ContainerRequestContext request) {
        return respond(ProblemType.VALIDATION_FAILED, e.parameter() + ": " + e.getMessage(), request,
                List.of(new Violation(e.parameter(), e.getMessage())));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    /** Declared apart from {@link #json} because Quarkus maps this subtype itself, without the field's name. */
    @ServerExceptionMapper(priority = FIRST)
    public Response jsonMismatch(MismatchedInputException e, ContainerRequestContext request) {
        return malformedJson(e, request);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response notFound(ResourceNotFoundException e, ContainerRequestContext request) {
        return respond(ProblemType.NOT_FOUND, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response conflict(ConflictException e, ContainerRequestContext request) {
        return respond(ProblemType.CONFLICT, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response gone(GoneException e, ContainerRequestContext request) {
        return respond(ProblemType.GONE, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response optimisticLock(OptimisticLockException e, ContainerRequestContext request) {
        return respond(ProblemType.CONFLICT, STALE_WRITE, request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response preconditionFailed(PreconditionFailedException e, ContainerRequestContext request) {
        return respond(ProblemType.PRECONDITION_FAILED, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response preconditionRequired(PreconditionRequiredException e, ContainerRequestContext request) {
        return respond(ProblemType.PRECONDITION_REQUIRED, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST, value = { UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        return Response.fromResponse(respond(ProblemType.UNAUTHENTICATED,
                "A valid bearer token is required", request, null))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response actionForbidden(ActionForbiddenException e, ContainerRequestContext request) {
        return respond(ProblemType.FORBIDDEN, e.getMessage(), request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response forbidden(ForbiddenException e, ContainerRequestContext request) {
        return respond(ProblemType.FORBIDDEN, "Your role does not allow this action", request, null);
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return malformedJson(json, request);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, request);
        }
        ProblemType type = switch (status) {
            case 400 -> ProblemType.MALFORMED_REQUEST;
            case 401 -> ProblemType.UNAUTHENTICATED;
            case 403 -> ProblemType.FORBIDDEN;
            case 404 -> ProblemType.NOT_FOUND;
            case 405 -> ProblemType.METHOD_NOT_ALLOWED;
            case 406 -> ProblemType.NOT_ACCEPTABLE;
            case 415 -> ProblemType.UNSUPPORTED_MEDIA_TYPE;
            default -> ProblemType.HTTP_ERROR;
        };
        String detail = switch (status) {
            case 404 -> "Nothing is found at " + request.getUriInfo().getRequestUri().getRawPath();
            case 405 -> request.getMethod() + " is not allowed here";
            case 415 -> "Send the body as application/json";
            case 406 -> "This resource answers with application/json";
            default -> e.getMessage();
        };
        Response.StatusType reason = Response.Status.fromStatusCode(status);
        String title = type == ProblemType.HTTP_ERROR && reason != null ? reason.getReasonPhrase() : type.title();
        return build(new Problem(type.uri(), title, status, detail, path(request), CorrelationId.of(request), null));
    }

    @ServerExceptionMapper(priority = FIRST)
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof org.hibernate.StaleStateException) {
                return respond(ProblemType.CONFLICT, STALE_WRITE, request, null);
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return respond(ProblemType.CONFLICT, "The request conflicts with an existing record", request, null);
            }
            if (cause instanceof ConflictException conflict) {
                return respond(ProblemType.CONFLICT, conflict.getMessage(), request, null);
            }
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                // a data exception (a value out of range, a character the database cannot store) that no check
                // before it caught: still the request's fault, and nothing was changed
                LOG.warnf("Data exception not caught at the boundary [correlationId=%s] on %s %s: SQLSTATE %s",
                        CorrelationId.of(request), request == null ? "?" : request.getMethod(), path(request),
                        sql.getSQLState());
                return respond(ProblemType.VALIDATION_FAILED, "A value in the request cannot be stored: out of "
                        + "range or holding a character the database refuses", request, null);
            }
        }
        if (InfrastructureFailure.isInfrastructure(e)) {
            outage.failed(e); // logged once per outage, not per request
            ProblemType type = ProblemType.SERVICE_UNAVAILABLE;
            return Response.fromResponse(build(new Problem(type.uri(), type.title(), type.status(),
                    "The service cannot reach its database at the moment; nothing was changed. Retry later.",
                    path(request), CorrelationId.of(request), null)))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
        String correlationId = CorrelationId.of(request);
        LOG.errorf(e, "Unexpected failure [correlationId=%s] on %s %s", correlationId,
                request == null ? "?" : request.getMethod(), path(request));
        ProblemType type = ProblemType.INTERNAL_ERROR;
        return build(new Problem(type.uri(), type.title(), type.status(),
                "The server could not complete the request. Quote the correlation id when reporting it.",
                path(request), correlationId, null));
    }

    private static final java.util.regex.Pattern DUPLICATE_KEY = java.util.regex.Pattern
            .compile("^Duplicate field '(.{1,200})'");

    private static final String STALE_WRITE = "The resource was changed by someone else meanwhile; read it again and retry";

    private Response malformedJson(JsonProcessingException e, ContainerRequestContext request) {
        if (e instanceof JsonParseException parse) {
            java.util.regex.Matcher duplicate = DUPLICATE_KEY.matcher(String.valueOf(parse.getOriginalMessage()));
            if (duplicate.find()) {
                String field = duplicate.group(1);
                return respond(ProblemType.VALIDATION_FAILED, field + ": is given more than once", request,
                        List.of(new Violation(field, "is given more than once")));
            }
            return respond(ProblemType.MALFORMED_REQUEST, "The body is not well-formed JSON", request, null);
        }
        if (e instanceof JsonMappingException mapping) {
            String field = jsonPath(mapping);
            String message;
            if (e instanceof UnrecognizedPropertyException) {
                message = "is not a known property";
            } else if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null
                    && invalid.getTargetType().isEnum()) {
                message = "must be one of " + enumValues(invalid.getTargetType());
            } else if (e instanceof StrictJsonCustomizer.UnstorableText unstorable) {
                message = unstorable.getOriginalMessage();
            } else if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
                message = field.isEmpty() ? "the body must be a JSON object"
                        : "must be " + describe(mismatch.getTargetType());
            } else {
                message = "has an invalid value";
            }
            if (field.isEmpty()) {
                return respond(ProblemType.MALFORMED_REQUEST, message, request, null);
            }
            return respond(ProblemType.VALIDATION_FAILED, field + ": " + message, request,
                    List.of(new Violation(field, message)));
        }
        return respond(ProblemType.MALFORMED_REQUEST, "The body could not be read as JSON", request, null);
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == java.util.UUID.class) {
            return "a UUID";
        }
        if (type == Integer.class || type == Long.class || type == Short.class || type == int.class
                || type == long.class || type == short.class || type == java.math.BigInteger.class) {
            return "a whole number";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isEnum()) {
            return "one of " + enumValues(type);
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "an array";
        }
        if (type.getName().startsWith("java.time.")) {
            return "an ISO-8601 " + type.getSimpleName();
        }
        return "an object";
    }

    private static String enumValues(Class<?> type) {
        StringBuilder values = new StringBuilder();
        for (Object constant : type.getEnumConstants()) {
            if (!values.isEmpty()) {
                values.append(", ");
            }
            values.append(constant);
        }
        return values.toString();
    }

    private static boolean isReturnValue(Path path) {
        for (Path.Node node : path) {
            if (node.getKind() == ElementKind.RETURN_VALUE) {
                return true;
            }
        }
        return false;
    }

    /** The client's name for the field: the property path inside the body, or the parameter's name. */
    static String field(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case PARAMETER -> parameter = node.getName();
                case PROPERTY, BEAN, CONTAINER_ELEMENT -> {
                    // a node in a list or map carries the index or key of the element it is in: records[0].partition
                    if (node.isInIterable() && !field.isEmpty()
                            && (node.getIndex() != null || node.getKey() != null)) {
                        field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey())
                                .append(']');
                    }
                    if (node.getName() == null || node.getName().startsWith("<")) {
                        continue;
                    }
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
                default -> {
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        return parameter != null ? parameter : "body";
    }

    private static String summary(List<Violation> violations) {
        StringBuilder detail = new StringBuilder();
        for (Violation v : violations) {
            if (!detail.isEmpty()) {
                detail.append("; ");
            }
            detail.append(v.field()).append(": ").append(v.message());
        }
        return detail.toString();
    }

    private static Response respond(ProblemType type, String detail, ContainerRequestContext request,
            List<Violation> violations) {
        return build(new Problem(type.uri(), type.title(), type.status(), detail, path(request),
                CorrelationId.of(request), violations));
    }

    private static Response build(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String path(ContainerRequestContext request) {
        return request == null ? null : request.getUriInfo().getRequestUri().getRawPath();
    }
}
