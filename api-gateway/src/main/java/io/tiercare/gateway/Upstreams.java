package io.tiercare.gateway;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tiercare.gateway.limits.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the gateway keeps per service behind it: its timeouts, its circuit breaker, and the measure of its answers
 * ({@code tiercare_gateway_upstream_seconds{service, outcome}}: 2xx, 3xx, 4xx, 5xx, timeout, unreachable, open; and
 * {@code tiercare_gateway_upstream_breaker{service}}: 0 closed, 1 half-open, 2 open).
 */
@ApplicationScoped
public class Upstreams {

    private final GatewayConfig config;
    private final MeterRegistry registry;
    private final Map<String, CircuitBreaker> breakers = new HashMap<>();

    Upstreams(GatewayConfig config, MeterRegistry registry) {
        this.config = config;
        this.registry = registry;
        GatewayConfig.Breaker b = config.breaker();
        config.services().keySet().forEach(service -> {
            CircuitBreaker breaker = new CircuitBreaker(b.window(), b.minimumCalls(), b.failureRatio(),
                    b.openFor().toNanos());
            breakers.put(service, breaker);
            Gauge.builder("tiercare.gateway.upstream.breaker", breaker, Upstreams::level).tag("service", service)
                    .description("The service's circuit breaker: 0 closed, 1 half-open, 2 open").register(registry);
        });
    }

    public CircuitBreaker breaker(String service) {
        return breakers.get(service);
    }

    public Duration timeout(String service) {
        return config.services().get(service).timeout().orElse(config.timeout());
    }

    public Duration connectTimeout(String service) {
        return config.services().get(service).connectTimeout().orElse(config.connectTimeout());
    }

    /**
     * The service answered {@code status}: a 502, 503 or 504 counts against its breaker (the service is failing), any
     * other answer for it (a client error or a 500 is the service answering).
     */
    public void answered(String service, int status, long started) {
        if (status == 502 || status == 503 || status == 504) {
            breakers.get(service).failed(System.nanoTime());
        } else {
            breakers.get(service).succeeded();
        }
        record(service, outcome(status), System.nanoTime() - started);
    }

    /** No answer came: counts against the breaker; whether it was a timeout (connecting or waiting). */
    public boolean failed(String service, Throwable failure, long started) {
        breakers.get(service).failed(System.nanoTime());
        boolean timedOut = failure instanceof java.util.concurrent.TimeoutException
                || failure instanceof io.netty.channel.ConnectTimeoutException;
        record(service, timedOut ? "timeout" : "unreachable", System.nanoTime() - started);
        return timedOut;
    }

    /** One call's outcome and how long it took. */
    public void record(String service, String outcome, long nanos) {
        Timer.builder("tiercare.gateway.upstream").tag("service", service).tag("outcome", outcome)
                .description("Calls to the services behind the gateway, by outcome").register(registry)
                .record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The outcome of an answer's status: its class. */
    public static String outcome(int status) {
        return (status / 100) + "xx";
    }

    private static double level(CircuitBreaker breaker) {
        return switch (breaker.state()) {
            case CLOSED -> 0;
            case HALF_OPEN -> 1;
            case OPEN -> 2;
        };
    }
}
