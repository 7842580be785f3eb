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

    /** How long a proxied request may take end to end. */
    @WithDefault("30s")
    Duration timeout();

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
    }
}
