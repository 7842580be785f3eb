package io.tiercare.gateway;

import java.time.Duration;
import java.util.Set;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.tiercare.chassis.http.ProblemResponses;
import io.tiercare.chassis.http.ProblemType;
import io.tiercare.gateway.limits.CircuitBreaker;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code GET /api/v1/customer-360/{id}}: a customer's whole picture in one call, composed from the services with the
 * caller's own token, so each applies its own scoping and masking. The profile comes first (it decides whether the
 * caller may see the customer at all, and resolves a merged id to the survivor); then, in parallel, the purchase
 * summary, every scheme's tier, the open complaints with their SLA deadlines and the open care tasks. A part whose
 * service is slow, failing or refuses the caller is reported as such while the rest is served.
 */
@ApplicationScoped
public class Customer360 {

    private static final Logger LOG = Logger.getLogger(Customer360.class);
    private static final Set<String> CLOSED_COMPLAINTS = Set.of("RESOLVED", "CLOSED");

    @StaticInitSafe
    @ConfigMapping(prefix = "tiercare.gateway.customer-360")
    public interface Config {
        /** How long each part may take before it is reported unavailable. */
        @WithDefault("2s")
        Duration partTimeout();
    }

    /** One service's answer to one part: its status (0 when none came) and body. */
    record Part(int status, Buffer body, String failure) {
        boolean ok() {
            return status == 200;
        }
    }

    private final RouteTable routes;
    private final Upstreams upstreams;
    private final Config config;
    private final HttpClient client;
    private final ProblemResponses problems;

    Customer360(RouteTable routes, Upstreams upstreams, Config config, Vertx vertx, ProblemResponses problems) {
        this.problems = problems;
        this.routes = routes;
        this.upstreams = upstreams;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(64));
    }

    /** The caller is verified and admitted already; answers on {@code ctx}. */
    void serve(RoutingContext ctx, String id, String correlationId) {
        UUID customerId;
        try {
            customerId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            problems.invalid(ctx, "customerId", "must be a customer id (a UUID)", correlationId);
            return;
        }
        String authorization = ctx.request().getHeader("Authorization");
        call("/api/v1/customers/" + customerId, authorization, correlationId).onComplete(profileDone -> {
            Part profile = profileDone.result();
            if (!profile.ok()) {
                if (profile.status() >= 400 && profile.status() < 500) {
                    // unknown, out of scope (404, the same), erased (410), or a role that may not read customers
                    ctx.response().setStatusCode(profile.status())
                            .putHeader("Content-Type", "application/problem+json").end(profile.body());
                } else {
                    ctx.response().putHeader("Retry-After", "1");
                    problems.send(ctx, ProblemType.UPSTREAM_UNAVAILABLE, "The profile, which decides what the "
                            + "caller may see, is unavailable: " + profile.failure(), correlationId);
                }
                return;
            }
            JsonObject customer = profile.body().toJsonObject();
            String survivor = customer.getString("id", customerId.toString());
            Future<Part> purchases = call("/api/v1/customers/" + survivor + "/purchase-summary", authorization,
                    correlationId);
            Future<Part> tiers = call("/api/v1/customers/" + survivor + "/tiers", authorization, correlationId);
            Future<Part> complaints = call("/api/v1/complaints?customerId=" + survivor + "&size=100", authorization,
                    correlationId);
            Future<Part> care = call("/api/v1/care-tasks?customerId=" + survivor + "&view=OPEN&size=100",
                    authorization, correlationId);
            Future.join(purchases, tiers, complaints, care).onComplete(ignored -> {
                JsonObject answer = new JsonObject().put("customerId", survivor).put("profile", customer)
                        .put("purchases", part(purchases.result(), body -> body.toJsonObject()))
                        .put("tiers", part(tiers.result(), Customer360::tiers))
                        .put("complaints", part(complaints.result(), Customer360::openComplaints))
                        .put("care", part(care.result(), Customer360::careTasks));
                ctx.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                        .end(answer.encode());
            });
        });
    }

    /** {@code {status: AVAILABLE, …the part}}, or {@code {status: FORBIDDEN | UNAVAILABLE, detail}}. */
    private static JsonObject part(Part part, java.util.function.Function<Buffer, JsonObject> read) {
        if (part.ok()) {
            try {
                return new JsonObject().put("status", "AVAILABLE").mergeIn(read.apply(part.body()));
            } catch (RuntimeException unreadable) {
                return new JsonObject().put("status", "UNAVAILABLE").put("detail", "an unreadable answer");
            }
        }
        if (part.status() == 401 || part.status() == 403) {
            return new JsonObject().put("status", "FORBIDDEN").put("detail", "the caller's role may not read this");
        }
        return new JsonObject().put("status", "UNAVAILABLE").put("detail", part.failure());
    }

    /** Each scheme's tier, since when, and the short explanation: the rule that gave it, and what reaches the next. */
    static JsonObject tiers(Buffer body) {
        JsonArray items = new JsonArray();
        for (Object o : body.toJsonObject().getJsonArray("tiers", new JsonArray())) {
            JsonObject t = (JsonObject) o;
            JsonObject explanation = t.getJsonObject("explanation", new JsonObject());
            items.add(new JsonObject().put("scheme", t.getString("scheme")).put("tier", t.getString("tier"))
                    .put("tierName", t.getValue("tierName")).put("since", t.getValue("since"))
                    .put("rule", explanation.getValue("rule")).put("nextTier", explanation.getValue("nextTier"))
                    .put("toReachNext", explanation.getValue("toReachNext")));
        }
        return new JsonObject().put("items", items);
    }

    /** The complaints not yet resolved, with their SLA state. */
    static JsonObject openComplaints(Buffer body) {
        JsonArray open = new JsonArray();
        for (Object o : body.toJsonObject().getJsonArray("items", new JsonArray())) {
            JsonObject c = (JsonObject) o;
            if (!CLOSED_COMPLAINTS.contains(c.getString("status"))) {
                open.add(c);
            }
        }
        return new JsonObject().put("open", open);
    }

    /** The open care tasks: those overdue, and the next ones, soonest first. */
    static JsonObject careTasks(Buffer body) {
        JsonArray overdue = new JsonArray();
        JsonArray next = new JsonArray();
        for (Object o : body.toJsonObject().getJsonArray("items", new JsonArray())) {
            JsonObject t = (JsonObject) o;
            (t.getBoolean("overdue", false) ? overdue : next).add(t);
        }
        return new JsonObject().put("overdue", overdue).put("next", next);
    }

    /** GET {@code path} from the service that owns it, within the part timeout and through its breaker. */
    private Future<Part> call(String path, String authorization, String correlationId) {
        var route = routes.find(path.contains("?") ? path.substring(0, path.indexOf('?')) : path);
        if (route.isEmpty()) {
            return Future.succeededFuture(new Part(0, null, "no service serves " + path));
        }
        String service = route.get().service();
        CircuitBreaker breaker = upstreams.breaker(service);
        long started = System.nanoTime();
        if (!breaker.allow(started)) {
            upstreams.record(service, "open", 0);
            return Future.succeededFuture(new Part(0, null, "the " + service + " service has been failing"));
        }
        long timeout = Math.min(config.partTimeout().toMillis(), upstreams.timeout(service).toMillis());
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setHost(route.get().upstream().getHost()).setPort(route.get().upstream().getPort()).setURI(path)
                .setConnectTimeout(upstreams.connectTimeout(service).toMillis()).setTimeout(timeout)
                .putHeader("Accept", "application/json").putHeader("X-Correlation-Id", correlationId);
        if (authorization != null) {
            options.putHeader("Authorization", authorization);
        }
        return client.request(options).compose(request -> request.send())
                .compose(response -> response.body().map(body -> new Part(response.statusCode(), body, null)))
                .map(part -> {
                    upstreams.answered(service, part.status(), started);
                    return part.ok() || part.status() < 500 ? part
                            : new Part(part.status(), part.body(), "the " + service + " service answered "
                                    + part.status());
                })
                .recover(failure -> {
                    boolean timedOut = upstreams.failed(service, failure, started);
                    LOG.debugf("[correlationId=%s] customer-360 part %s failed: %s", correlationId, path,
                            failure.getMessage());
                    return Future.succeededFuture(new Part(0, null, timedOut
                            ? "the " + service + " service did not answer within " + timeout + " ms"
                            : "the " + service + " service cannot be reached"));
                });
    }
}
