package io.tiercare.chassis.http;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;


import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.tiercare.chassis.http.ProblemType;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413 problem, like every
 * other client mistake, before a byte of it is read (Quarkus's own check, just after this one, would answer with an
 * empty body); so is a URI longer than {@link #MAX_URI} characters (414) and headers of more than
 * {@link #MAX_HEADERS} bytes (431) — the HTTP codec's own limits are set well above these (64 KiB), so that below
 * them every refusal is a problem. The connection is closed afterwards: an unread body must not be taken for the
 * next request. The services and the gateway alike ({@code tiercare.web.who-refuses} names who, in the detail).
 */
@ApplicationScoped
public class BodySizeLimit {

    private static final Logger LOG = Logger.getLogger(BodySizeLimit.class);

    private final long limit;
    private final String who;
    private final ProblemResponses problems;

    BodySizeLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            @ConfigProperty(name = "tiercare.web.who-refuses", defaultValue = "this service") String who,
            ProblemResponses problems) {
        this.limit = limit.asLongValue();
        this.who = who;
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::check);
    }

    /** The longest URI (path and query) a request may have. */
    public static final int MAX_URI = 8192;
    /** The most bytes a request's header fields may hold together. */
    public static final int MAX_HEADERS = 16384;

    private void check(RoutingContext context) {
        int uri = context.request().uri().length();
        if (uri > MAX_URI) {
            refuse(context, ProblemType.URI_TOO_LONG, "the URI of " + uri + " characters is longer than the "
                    + MAX_URI + " " + who + " accepts");
            return;
        }
        int headers = headerBytes(context.request().headers());
        if (headers > MAX_HEADERS) {
            refuse(context, ProblemType.HEADERS_TOO_LARGE, "the header fields of " + headers
                    + " bytes are larger than the " + MAX_HEADERS + " bytes " + who + " accepts");
            return;
        }
        long length = announcedLength(context.request().getHeader(HttpHeaderNames.CONTENT_LENGTH));
        if (length <= limit) {
            context.next();
            return;
        }
        refuse(context, ProblemType.PAYLOAD_TOO_LARGE, "the body of " + length + " bytes is larger than the "
                + limit + " bytes " + who + " accepts");
    }

    /** Names and values, with the two bytes of ": " and of the line's end each. */
    public static int headerBytes(io.vertx.core.MultiMap headers) {
        int bytes = 0;
        for (var header : headers) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    private void refuse(RoutingContext context, ProblemType type, String detail) {
        String correlationId = CorrelationIds.accept(context.request().getHeader(CorrelationIds.HEADER));
        String path = context.request().path();
        LOG.infof("Refused %s on %s %s [correlationId=%s]", detail, context.request().method(),
                path.length() > 200 ? path.substring(0, 200) + "…" : path, correlationId);
        context.response().putHeader(HttpHeaderNames.CONNECTION, "close")
                .endHandler(ignored -> context.request().connection().close());
        problems.send(context, type, detail, correlationId);
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
