package io.tiercare.gateway;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jboss.logging.Logger;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The suite's OpenAPI document at {@code /openapi}, which the console at {@code /q/swagger-ui} shows: every
 * service's own document ({@code /q/openapi}), fetched when asked for, merged into one. Each service contributes the
 * paths the gateway routes to it; a component two services name alike but define differently is renamed
 * {@code <service>_<name>} in that service's part (its references with it); a service that does not answer is named
 * in the description, and the others are still shown. "Try it out" goes through the gateway.
 */
@ApplicationScoped
public class OpenApiDocument {

    private static final Logger LOG = Logger.getLogger(OpenApiDocument.class);
    private static final String COMPONENTS_REF = "#/components/";

    private final RouteTable routes;
    private final GatewayConfig config;
    private final HttpClient client;

    OpenApiDocument(RouteTable routes, GatewayConfig config, Vertx vertx) {
        this.routes = routes;
        this.config = config;
        this.client = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(2000));
    }

    void install(@Observes Router router) {
        router.get("/openapi").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        Map<String, Future<JsonObject>> documents = new TreeMap<>();
        config.services().forEach((service, upstream) -> documents.put(service, fetch(upstream.managementBaseUrl())));
        Future.join(new ArrayList<>(documents.values())).onComplete(ignored -> {
            Map<String, JsonObject> answered = new TreeMap<>();
            List<String> silent = new ArrayList<>();
            documents.forEach((service, document) -> {
                if (document.succeeded()) {
                    answered.put(service, document.result());
                } else {
                    LOG.debugf("No OpenAPI document from %s: %s", service, document.cause().getMessage());
                    silent.add(service);
                }
            });
            ctx.response().putHeader("Content-Type", "application/json")
                    .end(withOwnPaths(merge(routes, answered, silent)).encode());
        });
    }

    private Future<JsonObject> fetch(String url) {
        java.net.URI upstream = java.net.URI.create(url);
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET).setHost(upstream.getHost())
                .setPort(upstream.getPort()).setURI("/q/openapi?format=json").setTimeout(5000)
                .putHeader("Accept", "application/json");
        return client.request(options).compose(request -> request.send()).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("status " + response.statusCode());
            }
            return response.body().map(body -> body.toJsonObject());
        });
    }

    /** The gateway's own operations (customer-360), from {@code META-INF/gateway-paths.json}. */
    static JsonObject withOwnPaths(JsonObject merged) {
        JsonObject own;
        try (var in = OpenApiDocument.class.getResourceAsStream("/META-INF/gateway-paths.json")) {
            own = new JsonObject(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("the gateway's own OpenAPI paths are missing", e);
        }
        merged.getJsonObject("paths").mergeIn(own.getJsonObject("paths"));
        JsonObject components = merged.getJsonObject("components");
        JsonObject schemas = components.getJsonObject("schemas");
        if (schemas == null) {
            schemas = new JsonObject();
            components.put("schemas", schemas);
        }
        schemas.mergeIn(own.getJsonObject("schemas"));
        own.getJsonArray("tags").forEach(tag -> merged.getJsonArray("tags").add(tag));
        return merged;
    }

    /**
     * The chassis's dead-letter endpoints, {@code /api/v1/dead-letters/{service}} in every service: the gateway routes
     * each service's own (…/dead-letters/care-service), so the merged document names those.
     */
    private static final String DEAD_LETTERS = "/dead-letters/{service}";

    /** A path item whose {@code service} path parameter became part of the path. */
    private static JsonObject withoutServiceParameter(JsonObject item) {
        JsonObject copy = item.copy();
        for (String method : copy.fieldNames()) {
            if (copy.getValue(method) instanceof JsonObject operation
                    && operation.getValue("parameters") instanceof JsonArray parameters) {
                JsonArray kept = new JsonArray();
                parameters.forEach(p -> {
                    if (!(p instanceof JsonObject param && "service".equals(param.getString("name"))
                            && "path".equals(param.getString("in")))) {
                        kept.add(p);
                    }
                });
                operation.put("parameters", kept);
            }
        }
        return copy;
    }

    /**
     * Every operation of the path item with an {@code operationId} no other operation of the document has: a service's
     * own, or {@code <service>_<its own>} when another service has the same (the chassis's endpoints, say).
     */
    private static JsonObject uniqueOperationIds(String service, JsonObject item, Set<String> taken) {
        JsonObject copy = item.copy();
        for (String method : copy.fieldNames()) {
            if (copy.getValue(method) instanceof JsonObject operation && operation.containsKey("responses")) {
                String id = operation.getString("operationId", method);
                if (!taken.add(id)) {
                    id = service + "_" + id;
                    taken.add(id);
                }
                operation.put("operationId", id);
            }
        }
        return copy;
    }

    /** One document from the services' own, keyed by service name; {@code silent} did not answer. */
    static JsonObject merge(RouteTable routes, Map<String, JsonObject> documents, List<String> silent) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        JsonArray tags = new JsonArray();
        Set<String> tagNames = new LinkedHashSet<>();
        String version = "3.1.0";
        Set<String> operationIds = new java.util.HashSet<>();
        for (var entry : documents.entrySet()) {
            String service = entry.getKey();
            JsonObject document = renameClashes(service, entry.getValue(), components);
            version = document.getString("openapi", version);
            JsonObject own = document.getJsonObject("components", new JsonObject());
            for (String section : own.fieldNames()) {
                JsonObject merged = components.getJsonObject(section);
                if (merged == null) {
                    merged = new JsonObject();
                    components.put(section, merged);
                }
                merged.getMap().putAll(own.getJsonObject(section).getMap());
            }
            JsonObject ownPaths = document.getJsonObject("paths", new JsonObject());
            for (String path : ownPaths.fieldNames()) {
                String routed = path.replace(DEAD_LETTERS, "/dead-letters/" + service + "-service");
                if (routes.find(routed).filter(route -> route.service().equals(service)).isPresent()) {
                    Object item = ownPaths.getValue(path);
                    JsonObject kept = routed.equals(path) ? (JsonObject) item
                            : withoutServiceParameter((JsonObject) item);
                    paths.put(routed, uniqueOperationIds(service, kept, operationIds));
                }
            }
            for (Object tag : document.getJsonArray("tags", new JsonArray())) {
                if (tag instanceof JsonObject t && tagNames.add(t.getString("name"))) {
                    tags.add(t);
                }
            }
        }
        String description = "Every TierCare service behind this gateway, in one document. Call the paths through "
                + "the gateway with a bearer token.";
        if (!silent.isEmpty()) {
            description += " Not included, because they did not answer: " + String.join(", ", silent) + ".";
        }
        return new JsonObject().put("openapi", version)
                .put("info", new JsonObject().put("title", "TierCare API").put("version", "1.0.0")
                        .put("description", description).put("license", new JsonObject().put("name", "Proprietary")
                                .put("identifier", "LicenseRef-TierCare-Proprietary")))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("tags", tags).put("paths", paths).put("components", components);
    }

    /**
     * The service's document with each component that clashes with one already merged (same section and name,
     * another definition) renamed, and every reference to it. A component that clashes only through what it refers
     * to (its own fields the same, one of its references renamed) is renamed too: renaming goes on until nothing
     * more clashes, so an earlier service's component is never overwritten.
     */
    private static JsonObject renameClashes(String service, JsonObject document, JsonObject merged) {
        Map<String, String> renamed = new HashMap<>();
        JsonObject own = document.getJsonObject("components", new JsonObject());
        boolean more = true;
        while (more) {
            more = false;
            for (String section : own.fieldNames()) {
                JsonObject mergedSection = merged.getJsonObject(section, new JsonObject());
                for (String name : own.getJsonObject(section).fieldNames()) {
                    String ref = COMPONENTS_REF + section + "/" + name;
                    Object earlier = mergedSection.getValue(name);
                    if (earlier == null || renamed.containsKey(ref)) {
                        continue;
                    }
                    Object mine = rewriteRefs(copyOf(own.getJsonObject(section).getValue(name)), renamed);
                    if (!earlier.equals(mine)) {
                        renamed.put(ref, service + "_" + name);
                        more = true;
                    }
                }
            }
        }
        if (renamed.isEmpty()) {
            return document;
        }
        JsonObject copy = (JsonObject) rewriteRefs(document.copy(), renamed);
        JsonObject copied = copy.getJsonObject("components");
        renamed.forEach((ref, newName) -> {
            String[] sectionAndName = ref.substring(COMPONENTS_REF.length()).split("/", 2);
            JsonObject section = copied.getJsonObject(sectionAndName[0]);
            section.put(newName, section.remove(sectionAndName[1]));
        });
        return copy;
    }

    private static Object copyOf(Object node) {
        return node instanceof JsonObject object ? object.copy()
                : node instanceof JsonArray array ? array.copy() : node;
    }

    private static Object rewriteRefs(Object node, Map<String, String> renamed) {
        if (node instanceof JsonObject object) {
            for (String field : new ArrayList<>(object.fieldNames())) {
                Object value = object.getValue(field);
                if (field.equals("$ref") && value instanceof String ref && renamed.containsKey(ref)) {
                    object.put(field, ref.substring(0, ref.lastIndexOf('/') + 1) + renamed.get(ref));
                } else {
                    rewriteRefs(value, renamed);
                }
            }
        } else if (node instanceof JsonArray array) {
            array.forEach(element -> rewriteRefs(element, renamed));
        }
        return node;
    }
}
