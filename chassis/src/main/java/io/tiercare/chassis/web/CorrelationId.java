package io.tiercare.chassis.web;

import java.util.UUID;

import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;

import io.tiercare.chassis.http.CorrelationIds;

/**
 * Tags every request with a correlation id (the caller's {@code X-Correlation-Id} when it is sane, otherwise a new one),
 * puts it in the log context and echoes it in the response, so a problem reported by a client can be found in the log.
 */
public class CorrelationId {

    public static final String HEADER = CorrelationIds.HEADER;
    public static final String MDC_KEY = "correlationId";
    private static final String PROPERTY = CorrelationId.class.getName();

    @ServerRequestFilter(preMatching = true)
    public void assign(ContainerRequestContext request) {
        String id = accept(request.getHeaderString(HEADER));
        request.setProperty(PROPERTY, id);
        MDC.put(MDC_KEY, id);
    }

    @ServerResponseFilter
    public void echo(ContainerRequestContext request, ContainerResponseContext response) {
        Object id = request.getProperty(PROPERTY);
        if (id != null) {
            response.getHeaders().putSingle(HEADER, id);
        }
    }

    /** The caller's id when it is sane, otherwise a new one. */
    public static String accept(String given) {
        return CorrelationIds.accept(given);
    }

    /** The given id when it is sane, otherwise null (an event's attribute is kept only when it is one of ours). */
    public static String acceptOrNull(String given) {
        return CorrelationIds.acceptOrNull(given);
    }

    /** The id of the request being handled, or a fresh one outside a request. */
    public static String of(ContainerRequestContext request) {
        Object id = request == null ? null : request.getProperty(PROPERTY);
        return id != null ? id.toString() : UUID.randomUUID().toString();
    }
}
