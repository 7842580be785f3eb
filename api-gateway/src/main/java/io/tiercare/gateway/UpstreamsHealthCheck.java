package io.tiercare.gateway;

import java.time.Duration;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reports each service's readiness in the gateway's readiness details. The gateway itself stays ready when a service
 * is down: it still answers, with 502 for that service's paths.
 */
@Readiness
@ApplicationScoped
public class UpstreamsHealthCheck implements HealthCheck {

    private static final Duration TIMEOUT = Duration.ofSeconds(1);

    private final GatewayConfig config;
    private final HttpClient client;

    UpstreamsHealthCheck(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = vertx.createHttpClient();
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("upstreams").up();
        config.services().forEach((name, upstream) -> response.withData(name, probe(upstream.managementBaseUrl())));
        return response.build();
    }

    private String probe(String url) {
        java.net.URI uri = java.net.URI.create(url);
        try {
            int status = client.request(new RequestOptions().setMethod(HttpMethod.GET).setHost(uri.getHost())
                    .setPort(uri.getPort()).setURI("/q/health/ready").setTimeout(TIMEOUT.toMillis()))
                    .compose(request -> request.send())
                    .map(r -> r.statusCode())
                    .toCompletionStage().toCompletableFuture()
                    .get(TIMEOUT.toMillis() + 500, java.util.concurrent.TimeUnit.MILLISECONDS);
            return status == 200 ? "UP" : "DOWN (" + status + ")";
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "UNREACHABLE";
        }
    }
}
