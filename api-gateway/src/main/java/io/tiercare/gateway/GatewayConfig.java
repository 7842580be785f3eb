package io.tiercare.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "tiercare.gateway")
public interface GatewayConfig {

    /** The services behind the gateway, by name. */
    Map<String, Upstream> services();

    /** How long a proxied request may wait for the service's answer (each upstream may set its own). */
    @WithDefault("30s")
    Duration timeout();

    /** How long connecting to a service may take (each upstream may set its own). */
    @WithDefault("2s")
    Duration connectTimeout();

    /** Per client (the token's subject, or the address without a valid token) and route class. */
    RateLimits rateLimits();

    /** One per upstream, from its last calls' outcomes. */
    Breaker breaker();

    interface RateLimits {
        @WithDefault("true")
        boolean enabled();

        /** GET, HEAD, OPTIONS: at most this many at once, … */
        @WithDefault("100")
        long readCapacity();

        /** … refilled at this many per second. */
        @WithDefault("50")
        double readPerSecond();

        /** Every other method. */
        @WithDefault("40")
        long writeCapacity();

        @WithDefault("20")
        double writePerSecond();

        /** Imports, exports and bulk jobs, whatever the method: the prefixes in {@link #bulkPaths()}. */
        @WithDefault("5")
        long bulkCapacity();

        @WithDefault("0.1")
        double bulkPerSecond();

        /** Path prefixes of bulk work; "*" stands for one segment. */
        @WithDefault("/api/v1/customer-imports,/api/v1/customers/export,/api/v1/tier-evaluations,"
                + "/api/v1/care-replan-jobs,/api/v1/complaint-reports/weekly-review/csv")
        List<String> bulkPaths();
    }

    interface Breaker {
        /** How many of the latest calls are judged. */
        @WithDefault("20")
        int window();

        /** The fewest calls judged before the breaker may open. */
        @WithDefault("10")
        int minimumCalls();

        /** The share of failures (no connection, a timeout, a 502/503/504) that opens it. */
        @WithDefault("0.5")
        double failureRatio();

        /** How long it stays open before one trial call is let through. */
        @WithDefault("10s")
        Duration openFor();
    }

    interface Upstream {
        /** Base URL, e.g. http://127.0.0.1:8081 */
        String url();

        /**
         * Where the service answers {@code /q/*} (OpenAPI, health): its management interface, e.g.
         * http://127.0.0.1:9081; the base URL when not set (a service without a management interface).
         */
        Optional<String> managementUrl();

        default String managementBaseUrl() {
            return managementUrl().orElse(url());
        }

        /** Path prefixes this service owns; "*" stands for one segment. */
        List<String> paths();

        /** This service's own answer timeout, instead of {@code tiercare.gateway.timeout}. */
        Optional<Duration> timeout();

        /** This service's own connect timeout, instead of {@code tiercare.gateway.connect-timeout}. */
        Optional<Duration> connectTimeout();
    }
}
