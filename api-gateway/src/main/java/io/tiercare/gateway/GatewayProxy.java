package io.tiercare.gateway;

import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.tiercare.chassis.http.CorrelationIds;
import io.tiercare.chassis.http.ProblemResponses;
import io.tiercare.chassis.http.ProblemType;
import io.tiercare.gateway.limits.CircuitBreaker;
import io.tiercare.gateway.limits.ClientLimits;
import io.tiercare.gateway.limits.RouteClass;
import io.tiercare.gateway.limits.TokenBucket;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Streams every {@code /api/} request to the service that owns its path, once the bearer token has been verified and
 * the client's budget allows it ({@link ClientLimits}); a service whose breaker is open is not called
 * ({@link Upstreams}). Bodies are piped, never buffered; hop-by-hop headers are dropped; a correlation id is added
 * when missing.
 */
@ApplicationScoped
public class GatewayProxy {

    private static final Logger LOG = Logger.getLogger(GatewayProxy.class);
    private static final String CORRELATION_ID = CorrelationIds.HEADER;
    /** The gateway's own composition: a customer's whole picture. */
    private static final Pattern CUSTOMER_360 = Pattern.compile("/api/v1/customer-360/([^/]+)/?");

    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    private final RouteTable routes;
    private final JWTParser tokens;
    private final HttpClient client;
    private final ProblemResponses problems;
    private final ClientLimits limits;
    private final Upstreams upstreams;
    private final Customer360 customer360;

    GatewayProxy(RouteTable routes, JWTParser tokens, Vertx vertx, ClientLimits limits, Upstreams upstreams,
            Customer360 customer360,
            ProblemResponses problems) {
        this.routes = routes;
        this.tokens = tokens;
        this.limits = limits;
        this.upstreams = upstreams;
        this.customer360 = customer360;
        this.problems = problems;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64)
                .setConnectTimeout(2000));
    }

    void install(@Observes Router router) {
        // the URI, header and body limits are chassis-web's BodySizeLimit, as in every service
        // any case: /API/... is refused by the route table (404), but only after drawing on the budget like any call
        router.routeWithRegex("(?i)/api/.*").handler(this::handle).failureHandler(this::failed);
    }

    private void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        request.pause();
        String correlationId = correlationId(request);
        ctx.response().putHeader(CORRELATION_ID, correlationId);
        // every /api request draws on the client's budget, whether or not a service owns its path
        String subject = verifiedSubject(request);
        if (!admitted(ctx, subject, correlationId)) {
            return;
        }
        if (subject == null) {
            unauthenticated(ctx, correlationId);
            return;
        }
        java.util.regex.Matcher composite = CUSTOMER_360.matcher(request.path());
        var route = composite.matches() ? java.util.Optional.<RouteTable.Route>empty() : routes.find(request.path());
        if (!composite.matches() && route.isEmpty()) {
            problem(ctx, ProblemType.NOT_FOUND, "Nothing is found at " + request.path(), correlationId);
            return;
        }
        if (composite.matches()) {
            if (request.method() != io.vertx.core.http.HttpMethod.GET) {
                ctx.response().putHeader("Allow", "GET");
                problem(ctx, ProblemType.METHOD_NOT_ALLOWED, "customer-360 is read with GET", correlationId);
                return;
            }
            request.resume();
            customer360.serve(ctx, composite.group(1), correlationId);
            return;
        }
        forward(ctx, route.get(), correlationId);
    }

    /**
     * The token's subject once its signature, issuer, audience, algorithm, expiry and issue time (not in the future)
     * are checked with the same settings as the services, by the same parser (chassis-web's {@code
     * VerifiedTokenCache}, which verifies each token once until it expires); null without a valid token.
     */
    private String verifiedSubject(HttpServerRequest request) {
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        try {
            var token = tokens.parse(authorization.substring(7).trim());
            String subject = token.getSubject() != null ? token.getSubject() : token.getName();
            return subject == null ? "" : subject;
        } catch (ParseException e) {
            LOG.debugf("Refused token: %s", e.getMessage());
            return null;
        }
    }

    /**
     * Takes a token from the client's bucket for the request's class (the client: the token's subject, or the
     * connection's address without a valid token, never a header the client sets); tells the client its budget,
     * and answers 429 when it is spent.
     */
    private boolean admitted(RoutingContext ctx, String subject, String correlationId) {
        HttpServerRequest request = ctx.request();
        RouteClass routeClass = limits.classify(request.method().name(), request.path());
        String client = subject != null ? "subject " + subject
                : "address " + (request.remoteAddress() == null ? "" : request.remoteAddress().hostAddress());
        TokenBucket.Decision decision = limits.take(client, routeClass, System.nanoTime());
        if (decision.limit() == 0) {
            return true; // limits off
        }
        ctx.response().putHeader("RateLimit-Policy", limits.policy(routeClass))
                .putHeader("RateLimit-Limit", String.valueOf(decision.limit()))
                .putHeader("RateLimit-Remaining", String.valueOf(decision.remaining()))
                .putHeader("RateLimit-Reset", String.valueOf(decision.resetSeconds()));
        if (decision.allowed()) {
            return true;
        }
        ctx.response().putHeader("Retry-After", String.valueOf(decision.retryAfterSeconds()));
        problem(ctx, ProblemType.RATE_LIMITED, "More than the " + decision.limit() + " "
                + routeClass.name().toLowerCase(java.util.Locale.ROOT) + " requests this client may make at once; "
                + "retry after " + decision.retryAfterSeconds() + " s", correlationId);
        return false;
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
        problem(ctx, ProblemType.INTERNAL_ERROR,
                "The gateway could not complete the request. Quote the correlation id when reporting it.",
                correlationId);
    }

    private void forward(RoutingContext ctx, RouteTable.Route route, String correlationId) {
        HttpServerRequest request = ctx.request();
        String service = route.service();
        CircuitBreaker breaker = upstreams.breaker(service);
        long started = System.nanoTime();
        if (!breaker.allow(started)) {
            upstreams.record(service, "open", 0);
            ctx.response().putHeader("Retry-After", String.valueOf(breaker.retryAfterSeconds(started)));
            problem(ctx, ProblemType.UPSTREAM_UNAVAILABLE, "The " + service + " service has been failing; the gateway "
                    + "sends it no requests for a while", correlationId);
            return;
        }
        RequestOptions options = new RequestOptions()
                .setMethod(request.method())
                .setHost(route.upstream().getHost())
                .setPort(route.upstream().getPort())
                .setURI(request.uri())
                .setConnectTimeout(upstreams.connectTimeout(service).toMillis())
                .setIdleTimeout(upstreams.timeout(service).toMillis());
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
                    int status = upstream.statusCode();
                    upstreams.answered(service, status, started);
                    if (ctx.response().closed()) {
                        upstream.request().reset(); // the client has gone: nothing to send it
                        return;
                    }
                    HttpServerResponse response = ctx.response().setStatusCode(status);
                    upstream.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            response.putHeader(h.getKey(), h.getValue());
                        }
                    });
                    if (upstream.getHeader("content-length") == null) {
                        response.setChunked(true);
                    }
                    // the client gone mid-answer: the service's request is reset rather than left waiting
                    ctx.addEndHandler(done -> {
                        if (done.failed()) {
                            upstream.request().reset();
                        }
                    });
                    relay(upstream, response);
                })
                .onFailure(failure -> {
                    boolean timeout = upstreams.failed(service, failure, started);
                    LOG.warnf("[correlationId=%s] %s %s → %s failed: %s", correlationId, request.method(),
                            request.path(), service, failure.getMessage());
                    if (ctx.response().headWritten()) {
                        ctx.response().reset();
                    } else if (timeout) {
                        problem(ctx, ProblemType.UPSTREAM_TIMEOUT, "The " + service + " service did not answer "
                                + "within " + upstreams.timeout(service).toMillis() + " ms", correlationId);
                    } else {
                        ctx.response().putHeader("Retry-After", "1");
                        problem(ctx, ProblemType.UPSTREAM_UNAVAILABLE, "The " + service + " service cannot be reached",
                                correlationId);
                    }
                });
    }

    /**
     * Streams the service's answer to the client as it comes, holding the service back while the client's write queue
     * is full; a client that goes away mid-answer resets the service's request instead of being written to.
     */
    private static void relay(HttpClientResponse upstream, HttpServerResponse response) {
        upstream.handler(chunk -> {
            if (response.closed()) {
                upstream.request().reset();
                return;
            }
            response.write(chunk);
            if (response.writeQueueFull()) {
                upstream.pause();
                response.drainHandler(drained -> upstream.resume());
            }
        });
        upstream.endHandler(ended -> {
            if (!response.closed() && !response.ended()) {
                response.end();
            }
        });
        upstream.exceptionHandler(failure -> {
            if (!response.closed() && !response.ended()) {
                response.reset();
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

    private void unauthenticated(RoutingContext ctx, String correlationId) {
        if (ctx.response().ended()) {
            return;
        }
        ctx.response().putHeader("WWW-Authenticate", "Bearer");
        problem(ctx, ProblemType.UNAUTHENTICATED, "A valid bearer token is required", correlationId);
    }

    private void problem(RoutingContext ctx, ProblemType type, String detail, String correlationId) {
        problems.send(ctx, type, detail, correlationId);
    }

    private static String correlationId(HttpServerRequest request) {
        return CorrelationIds.accept(request.getHeader(CORRELATION_ID));
    }
}
