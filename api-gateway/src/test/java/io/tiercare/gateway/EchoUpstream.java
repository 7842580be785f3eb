package io.tiercare.gateway;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An HTTP server standing where customer-service would, answering with what it received, so the tests see exactly
 * what the gateway forwards, and with an OpenAPI document at {@code /q/openapi}. The other services point at a closed
 * port to show services that are down.
 */
public class EchoUpstream implements QuarkusTestResourceLifecycleManager {

    /** What customer-service's own document looks like, cut down; one path belongs to another service. */
    static final String OPENAPI = """
            {"openapi":"3.1.0","info":{"title":"TierCare customer-service","version":"1.0.0"},
             "tags":[{"name":"Customers"}],
             "paths":{"/api/v1/customers":{"get":{"tags":["Customers"],"responses":{"200":{"description":"A page",
                 "content":{"application/json":{"schema":{"$ref":"#/components/schemas/Customer"}}}}}}},
               "/api/v1/tier-schemes":{"get":{"responses":{"200":{"description":"not this service's"}}}}},
             "components":{"schemas":{"Customer":{"type":"object","properties":{"name":{"type":"string"}}}}}}""";

    /** The export's size: 16 MiB, far more than the sockets between the client and the echo hold. */
    static final int EXPORT_CHUNK = 64 * 1024;
    static final int EXPORT_CHUNKS = 256;
    /** Released each time the gateway stops an export midway (its connection reset). */
    static final java.util.concurrent.Semaphore ABANDONED_EXPORTS = new java.util.concurrent.Semaphore(0);

    private HttpServer server;

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newFixedThreadPool(4));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/q/openapi", exchange -> {
            byte[] bytes = OPENAPI.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.createContext("/api/v1/customers/export", exchange -> {
            // a large answer streamed in chunks, as customer-service's CSV export is
            exchange.getResponseHeaders().add("Content-Type", "text/csv");
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "x".repeat(EXPORT_CHUNK - 1).concat("\n").getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < EXPORT_CHUNKS; i++) {
                    out.write(chunk);
                }
            } catch (IOException gatewayWentAway) {
                ABANDONED_EXPORTS.release();
            }
        });
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String echo = "{\"method\":\"" + exchange.getRequestMethod() + "\",\"uri\":\""
                    + exchange.getRequestURI() + "\",\"body\":" + quote(body)
                    + ",\"authorization\":" + quote(exchange.getRequestHeaders().getFirst("Authorization"))
                    + ",\"correlationId\":" + quote(exchange.getRequestHeaders().getFirst("X-Correlation-Id"))
                    + ",\"forwardedProto\":" + quote(exchange.getRequestHeaders().getFirst("X-Forwarded-Proto"))
                    + ",\"forwardedPort\":" + quote(exchange.getRequestHeaders().getFirst("X-Forwarded-Port"))
                    + ",\"forwarded\":" + quote(exchange.getRequestHeaders().getFirst("Forwarded"))
                    + "}";
            byte[] bytes = echo.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.getResponseHeaders().add("ETag", "\"7\"");
            exchange.sendResponseHeaders(exchange.getRequestMethod().equals("POST") ? 201 : 200, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        server.start();
        return Map.of("tiercare.gateway.services.customer.url", "http://127.0.0.1:" + server.getAddress().getPort(),
                "tiercare.gateway.services.care.url", "http://127.0.0.1:1",
                "tiercare.gateway.services.tiering.url", "http://127.0.0.1:1",
                "tiercare.gateway.services.complaint.url", "http://127.0.0.1:1");
    }

    private static String quote(String value) {
        return value == null ? "null" : "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
