package io.tiercare.chassis.web;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tiercare.chassis.problem.Problem;
import io.tiercare.chassis.problem.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem, like every
 * other client mistake, before a byte of it is read (Quarkus's own check, just after this one, would answer with an
 * empty body). The connection is closed afterwards: the unread body must not be taken for the next request.
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    private final long limit;
    private final ObjectMapper mapper;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            ObjectMapper mapper) {
        this.limit = limit.asLongValue();
        this.mapper = mapper;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        long length = announcedLength(context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH));
        if (length <= limit) {
            context.next();
            return;
        }
        String correlationId = CorrelationId.accept(context.request().getHeader(CorrelationId.HEADER));
        LOG.infof("Refused a body of %d bytes (limit %d) on %s %s [correlationId=%s]", length, limit,
                context.request().method(), context.request().path(), correlationId);
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(), "the body of " + length
                + " bytes is larger than the " + limit + " bytes this service accepts", context.request().path(),
                correlationId, null);
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        context.response().setStatusCode(type.status())
                .putHeader(HttpHeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .putHeader(CorrelationId.HEADER, correlationId)
                .putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close())
                .end(body);
    }

    private static long announcedLength(String header) {
        if (header == null) {
            return -1;
        }
        try {
            return Long.parseLong(header.strip());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge: the HTTP codec refuses it
        }
    }
}
