package io.tiercare.chassis.http;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.http.ProblemType;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a request with a problem at the Vert.x level, where no JAX-RS exception mapper runs (the body limits, the
 * gateway): the same {@link Problem} body, {@code application/problem+json} and correlation id as every other refusal.
 */
@ApplicationScoped
public class ProblemResponses {

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** A problem of {@code type}: its status and title, this detail, the request's path as its instance. */
    public void send(RoutingContext context, ProblemType type, String detail, String correlationId) {
        send(context, type, detail, correlationId, null);
    }

    /** A 400 naming the field the request got wrong. */
    public void invalid(RoutingContext context, String field, String message, String correlationId) {
        send(context, ProblemType.VALIDATION_FAILED, field + ": " + message, correlationId,
                List.of(new Problem.Violation(field, message)));
    }

    private void send(RoutingContext context, ProblemType type, String detail, String correlationId,
            List<Problem.Violation> violations) {
        String path = context.request().path();
        String shown = path.length() > 200 ? path.substring(0, 200) + "…" : path;
        String body;
        try {
            body = mapper.writeValueAsString(new Problem(type.uri(), type.title(), type.status(), detail, shown,
                    correlationId, violations));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.request().resume();
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationIds.HEADER, correlationId)
                .end(body);
    }
}
