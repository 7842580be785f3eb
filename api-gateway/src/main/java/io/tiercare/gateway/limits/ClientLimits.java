package io.tiercare.gateway.limits;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.tiercare.gateway.GatewayConfig;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A token bucket per client and route class. The buckets live in this gateway instance: with N replicas behind a
 * load balancer that spreads a client's requests, the client gets up to N times each budget (sticky balancing by
 * client keeps it at one). A bucket that is full again is forgotten every minute, so idle clients cost nothing.
 */
@ApplicationScoped
public class ClientLimits {

    private final GatewayConfig.RateLimits config;
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();

    ClientLimits(GatewayConfig config, Vertx vertx) {
        this.config = config.rateLimits();
        vertx.setPeriodic(60_000, ignored -> forgetFull(System.nanoTime()));
    }

    /** Takes a token from the client's bucket for the class; allowed whenever limits are off. */
    public TokenBucket.Decision take(String client, RouteClass routeClass, long now) {
        if (!config.enabled()) {
            return new TokenBucket.Decision(true, 0, 0, 0, 0);
        }
        return buckets.computeIfAbsent(routeClass + " " + client, key -> bucket(routeClass, now)).take(now);
    }

    /** The class of a request, by its method and path. */
    public RouteClass classify(String method, String path) {
        return RouteClass.of(method, path, config.bulkPaths());
    }

    /** The budget's name and size, for the RateLimit-Policy header. */
    public String policy(RouteClass routeClass) {
        return switch (routeClass) {
            case READ -> policy("read", config.readCapacity(), config.readPerSecond());
            case WRITE -> policy("write", config.writeCapacity(), config.writePerSecond());
            case BULK -> policy("bulk", config.bulkCapacity(), config.bulkPerSecond());
        };
    }

    void forgetFull(long now) {
        buckets.values().removeIf(bucket -> bucket.full(now));
    }

    int size() {
        return buckets.size();
    }

    private TokenBucket bucket(RouteClass routeClass, long now) {
        return switch (routeClass) {
            case READ -> new TokenBucket(config.readCapacity(), config.readPerSecond(), now);
            case WRITE -> new TokenBucket(config.writeCapacity(), config.writePerSecond(), now);
            case BULK -> new TokenBucket(config.bulkCapacity(), config.bulkPerSecond(), now);
        };
    }

    /** {@code "read";q=100;w=2}: the quota and the window in which it refills wholly, in seconds. */
    private static String policy(String name, long capacity, double perSecond) {
        return "\"" + name + "\";q=" + capacity + ";w=" + Math.max(1, (long) Math.ceil(capacity / perSecond));
    }
}
