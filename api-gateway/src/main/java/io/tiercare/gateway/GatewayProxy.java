package io.tiercare.gateway;

import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Streams every {@code /api/} request to the service that owns its path, once the bearer token has been verified.
 * Bodies are piped, never buffered; hop-by-hop headers are dropped; a correlation id is added when missing.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final String CORRELATION_ID = "X-Correlation-Id";
    private static final Pattern SANE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final long CLOCK_SKEW_SECONDS = 60;

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final RouteTable routes;
    private final GatewayConfig config;
    private final JWTParser tokens;
    private final HttpClient client;
    private final long maxBodySize;

    GatewayProxy(RouteTable routes, GatewayConfig config, JWTParser tokens, Vertx vertx,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.routes = routes;
        this.config = config;
        this.tokens = tokens;
        this.maxBodySize = maxBodySize.asLongValue();
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout(2000));
    }

    void install(@Observes Router router) {
        // ahead of Quarkus's own body limit, which would refuse with an empty body
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1).handler(this::limitBody);
        router.route("/api/*").handler(this::handle).failureHandler(this::failed);
    }

    /** The longest URI, and the most bytes of header fields, a request may have (as the services' chassis). */
    static final int MAX_URI = 8192;
    static final int MAX_HEADERS = 16384;

    /**
     * A URI, header fields or an announced body larger than any service accepts is refused here, as a problem, and the
     * connection closed (the HTTP codec's own limits are far above these, so it never answers with an empty body first).
     */
    private void limitBody(RoutingContext ctx) {
        int uri = ctx.request().uri().length();
        int headers = 0;
        for (var header : ctx.request().headers()) {
            headers += header.getKey().length() + header.getValue().length() + 4;
        }
        if (uri > MAX_URI || headers > MAX_HEADERS) {
            String correlationId = correlationId(ctx.request());
            ctx.response().putHeader(CORRELATION_ID, correlationId).putHeader("Connection", "close")
                    .endHandler(ignored -> ctx.request().connection().close());
            if (uri > MAX_URI) {
                problem(ctx, 414, "uri-too-long", "URI too long", "the URI of " + uri
                        + " characters is longer than the " + MAX_URI + " the gateway accepts", correlationId);
            } else {
                problem(ctx, 431, "headers-too-large", "Request header fields too large", "the header fields of "
                        + headers + " bytes are larger than the " + MAX_HEADERS + " bytes the gateway accepts",
                        correlationId);
            }
            return;
        }
        String length = ctx.request().getHeader("Content-Length");
        if (length == null || !length.strip().matches("\\d{1,18}") || Long.parseLong(length.strip()) <= maxBodySize) {
            ctx.next();
            return;
        }
        String correlationId = correlationId(ctx.request());
        ctx.response().putHeader(CORRELATION_ID, correlationId).putHeader("Connection", "close")
                .endHandler(ignored -> ctx.request().connection().close());
        problem(ctx, 413, "payload-too-large", "Payload too large", "the body of " + length.strip()
                + " bytes is larger than the " + maxBodySize + " bytes the gateway accepts", correlationId);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String correlationId = correlationId(request);
        ctx.response().putHeader(CORRELATION_ID, correlationId);
        var route = routes.find(request.path());
        if (route.isEmpty()) {
            problem(ctx, 404, "not-found", "Resource not found", "Nothing is found at " + request.path(),
                    correlationId);
            return;
        }
        if (!validToken(request)) {
            unauthenticated(ctx, correlationId);
            return;
        }
        forward(ctx, route.get(), correlationId);
    }

    /**
     * Signature, issuer, audience, algorithm and expiry, checked with the same settings as the services, and an issue
     * time not in the future (beyond a minute of clock skew), as the services check it.
     */
    private boolean validToken(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        try {
            long issuedAt = tokens.parse(authorization.substring(7).trim()).getIssuedAtTime();
            return issuedAt <= System.currentTimeMillis() / 1000 + CLOCK_SKEW_SECONDS;
        } catch (ParseException e) {
            LOG.debugf("Refused token: %s", e.getMessage());
            return false;
        }
    }

    /** A token the security layer rejected ends up here rather than in the subscriber above. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().ended()) {
            return;
        }
        String correlationId = ctx.response().headers().get(CORRELATION_ID);
        if (correlationId == null) {
            correlationId = correlationId(ctx.request());
        }
        if (ctx.failure() instanceof io.quarkus.security.AuthenticationFailedException
                || ctx.failure() instanceof io.quarkus.security.AuthenticationCompletionException
                || ctx.statusCode() == 401) {
            unauthenticated(ctx, correlationId);
            return;
        }
        LOG.errorf(ctx.failure(), "[correlationId=%s] gateway failure on %s", correlationId, ctx.request().path());
        problem(ctx, 500, "internal-error", "Internal server error",
                "The gateway could not complete the request. Quote the correlation id when reporting it.",
                correlationId);
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, String correlationId) {
        HttpServerRequest request = ctx.request();
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(route.upstream().getHost())
                .setPort(route.upstream().getPort())
                .setURI(request.uri())
                .setTimeout(config.timeout().toMillis());
        request.headers().forEach(h -> {
            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase()) && !forwarding(h.getKey())) {
                options.addHeader(h.getKey(), h.getValue());
            }
        });
        options.putHeader(CORRELATION_ID, correlationId);
        options.putHeader("X-Forwarded-For", request.remoteAddress() == null ? "" : request.remoteAddress().host());
        options.putHeader("X-Forwarded-Host", request.authority() == null ? "" : request.authority().toString());
        options.putHeader("X-Forwarded-Proto", request.scheme());
        client.request(options)
                .compose(upstream -> upstream.send(request))
                .onSuccess(upstream -> {
                    HttpServerResponse response = ctx.response().setStatusCode(upstream.statusCode());
                    upstream.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            response.putHeader(h.getKey(), h.getValue());
                        }
                    });
                    if (upstream.getHeader("content-length") == null) {
                        response.setChunked(true);
                    }
                    upstream.pipeTo(response);
                })
                .onFailure(failure -> {
                    LOG.warnf("[correlationId=%s] %s %s → %s failed: %s", correlationId, request.method(),
                            request.path(), route.service(), failure.getMessage());
                    if (!ctx.response().headWritten()) {
                        problem(ctx, 502, "upstream-unavailable", "Bad gateway",
                                "The " + route.service() + " service did not answer", correlationId);
                    } else {
                        ctx.response().reset();
                    }
                });
    }

    /**
     * What a proxy says about the original request: only the gateway says it to the services, so a client's own
     * claims (a port, a prefix, a host) never reach the addresses a service builds.
     */
    private static boolean forwarding(String header) {
        String name = header.toLowerCase(java.util.Locale.ROOT);
        return name.startsWith("x-forwarded-") || name.equals("forwarded") || name.equals("x-real-ip");
    }

    private static void unauthenticated(RoutingContext ctx, String correlationId) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problem(ctx, 401, "unauthenticated", "Authentication required", "A valid bearer token is required",
                correlationId);
    }

    private static void problem(RoutingContext ctx, int status, String type, String title, String detail,
            String correlationId) {
        JsonObject body = new JsonObject()
                .put("type", "urn:tiercare:problem:" + type)
                .put("title", title)
                .put("status", status)
                .put("detail", detail)
                .put("instance", ctx.request().path())
                .put("correlationId", correlationId);
        ctx.request().resume();
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .end(body.encode());
    }

    private static String correlationId(HttpServerRequest request) {
        String given = request.getHeader(CORRELATION_ID);
        return given != null && SANE_ID.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
