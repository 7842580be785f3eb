package io.tiercare.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Walks the suite's merged OpenAPI document through the gateway and sends every operation what a careless or hostile
 * client sends: a NUL byte, an overlong value, extreme numbers and dates — in each path parameter, each query
 * parameter and each field of a JSON body. Every answer must be a client error as problem+json (or a success), never
 * a 5xx: a client mistake never becomes a server failure, and nothing it sends is lost silently.
 */
class OpenApiProbeTest {

    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");
    private static final String NUL = "a\u0000b";
    private static final String LONG = "x".repeat(5_000);
    private static final List<String> TEXTS = List.of(NUL, "a\uD800b", LONG);
    private static final List<String> QUERY_VALUES = List.of(NUL, LONG, "2147483647", "-2147483649", "1e400",
            "+999999999-01-01T00:00:00Z", "-999999999-01-01", "99999999999999999999999");
    private static final List<String> NUMBERS = List.of("1e400", "-1e400", "99999999999999999999999", "4.5");
    private static final List<String> TIMES = List.of("\"+999999999-01-01T00:00:00Z\"", "\"-999999999-01-01\"");

    private static Suite suite;
    private static String admin;
    private static Map<String, Object> api;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new java.util.TreeMap<>();
    private int sent;

    @BeforeAll
    static void start() {
        // a probe is a flood by design: the gateway's rate limits are off for it (GatewayTest covers them)
        suite = Suite.up(Map.of("TIERCARE_API_GATEWAY_JAVA_OPTS", "-Dtiercare.gateway.rate-limits.enabled=false"),
                "customer-service", "tiering-service", "care-service", "complaint-service", "api-gateway");
        admin = suite.token("ADMIN");
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void noOperationAnswersAClientsMistakeWithA5xx() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        api = JsonPath.from(document.body()).getMap("$");
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) api.get("paths");
        int operations = 0;
        java.util.Set<String> operationIds = new java.util.HashSet<>();
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (String method : METHODS) {
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) path.getValue().get(method);
                if (operation != null) {
                    operations++;
                    // one a client generator can name a method after: present, unique, URL-safe
                    assertThat((String) operation.get("operationId")).as("%s %s", method, path.getKey())
                            .matches("[A-Za-z][A-Za-z0-9_]*");
                    assertThat(operationIds.add((String) operation.get("operationId")))
                            .as("operationId %s is unique", operation.get("operationId")).isTrue();
                    probe(method.toUpperCase(), path.getKey(), operation);
                }
            }
        }
        assertThat(operationIds).contains("getCustomer360");
        System.out.printf("OpenAPI probe: %d requests over %d operations, answers by status %s%n", sent, operations,
                statuses);
        assertThat(operations).as("operations in the merged document").isGreaterThan(100);
        assertThat(failures).as("of %d probes over %d operations", sent, operations).isEmpty();
        // the probes reached the services' own checks (refused as the client's mistakes, not at the door)
        assertThat(statuses.getOrDefault(401, 0)).isZero();
        assertThat(statuses.getOrDefault(400, 0)).isGreaterThan(sent / 2);
    }

    /**
     * The merged document is one a front-end team can build on: it passes Redocly's recommended rules with no error,
     * openapi-typescript generates its types, and {@code client/src/front-end.ts} — written against those types with
     * openapi-fetch — compiles and then works against the running suite (npm and Node are needed, as for any
     * front-end).
     */
    @Test
    void aTypedClientGeneratedFromTheDocumentCompilesAndWorks() throws Exception {
        HttpResponse<String> document = http.send(HttpRequest.newBuilder(URI.create(gateway() + "/openapi"))
                .header("Accept", "application/json").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(document.statusCode()).isEqualTo(200);
        Path client = Path.of("client").toAbsolutePath();
        Path openapi = client.resolve("target/openapi.json");
        Files.createDirectories(openapi.getParent());
        Files.writeString(openapi, document.body());
        Map<String, String> env = Map.of("OPENAPI", openapi.toString(), "TIERCARE_URL", gateway(),
                "TIERCARE_TOKEN", admin, "REDOCLY_TELEMETRY", "off");

        npm(client, env, "ci", "--no-audit", "--no-fund", "--loglevel=error");
        String lint = npm(client, env, "run", "lint");
        assertThat(lint).contains("Woohoo! Your API description is valid.").doesNotContain("warning");
        npm(client, env, "run", "generate");
        npm(client, env, "run", "build");
        String printed = npm(client, env, "run", "--silent", "example").strip();

        JsonPath seen = JsonPath.from(printed.substring(printed.lastIndexOf('\n') + 1));
        assertThat(seen.getInt("registered")).isEqualTo(201);
        assertThat(seen.getString("name")).isEqualTo("前端示例");
        assertThat(seen.getString("city")).isEqualTo("杭州市");
        assertThat(seen.getInt("picture")).isEqualTo(200);
        assertThat(seen.getString("pictureOf")).isEqualTo(seen.getString("id"));
        assertThat(seen.getString("profileName")).isEqualTo("前端示例");
        assertThat(seen.getMap("parts")).containsOnlyKeys("purchases", "tiers", "complaints", "care");
        assertThat(seen.getString("parts.purchases")).isEqualTo("AVAILABLE");
        assertThat(seen.getInt("refused")).isEqualTo(400);
        assertThat(seen.getString("refusedContentType")).startsWith("application/problem+json");
        assertThat(seen.getList("refusedFields", String.class)).containsExactly("name");
    }

    /** Runs npm in the client's folder; its output, or a failure with that output when npm fails. */
    private static String npm(Path folder, Map<String, String> env, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("npm"));
        command.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, java.util.concurrent.TimeUnit.MINUTES)).as("npm %s finished", command).isTrue();
        assertThat(process.exitValue()).as("npm %s: %s", String.join(" ", arguments), output).isZero();
        return output;
    }

    private void probe(String method, String template, Map<String, Object> operation) throws Exception {
        List<Map<String, Object>> parameters = parameters(operation);
        Map<String, String> pathValues = new LinkedHashMap<>();
        for (Map<String, Object> p : parameters) {
            if ("path".equals(p.get("in"))) {
                pathValues.put((String) p.get("name"), sample(schema(p)));
            }
        }
        String body = jsonBody(operation) ? "{}" : null;
        for (String name : pathValues.keySet()) {
            for (String text : TEXTS) {
                Map<String, String> values = new LinkedHashMap<>(pathValues);
                values.put(name, text);
                send(method, path(template, values), body, "path " + name);
            }
        }
        for (Map<String, Object> p : parameters) {
            if ("query".equals(p.get("in"))) {
                for (String value : QUERY_VALUES) {
                    send(method, path(template, pathValues) + "?" + p.get("name") + "=" + encode(value), body,
                            "query " + p.get("name"));
                }
            }
        }
        if (body != null) {
            Map<String, Map<String, Object>> properties = properties(operation);
            String plain = path(template, pathValues);
            for (String text : TEXTS) {
                send(method, plain, object(properties, "string", json(text)), "every text field");
            }
            for (String number : NUMBERS) {
                send(method, plain, object(properties, "number", number), "every number field " + number);
            }
            for (String time : TIMES) {
                send(method, plain, object(properties, "date", time), "every date field " + time);
            }
            if (!properties.isEmpty()) {
                String first = properties.keySet().iterator().next();
                send(method, plain, "{\"" + first + "\":\"a\",\"" + first + "\":\"b\"}", "a key given twice");
            }
        }
    }

    private void send(String method, String pathAndQuery, String body, String what)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway() + pathAndQuery))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + admin);
        if (body != null) {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if ("PATCH".equals(method)) {
            request.header("If-Match", "\"0\"");
        }
        sent++;
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        int status = answer.statusCode();
        statuses.merge(status, 1, Integer::sum);
        String type = answer.headers().firstValue("Content-Type").orElse("");
        String shortPath = pathAndQuery.length() > 160 ? pathAndQuery.substring(0, 160) + "…" : pathAndQuery;
        if (status >= 500) {
            failures.add(method + " " + shortPath + " (" + what + ") → " + status + " " + abbreviate(answer.body()));
        } else if (status >= 400 && !type.startsWith("application/problem+json")) {
            failures.add(method + " " + shortPath + " (" + what + ") → " + status + " as '" + type + "'");
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameters(Map<String, Object> operation) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object p : (List<Object>) operation.getOrDefault("parameters", List.of())) {
            out.add(resolve((Map<String, Object>) p));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static boolean jsonBody(Map<String, Object> operation) {
        Map<String, Object> requestBody = (Map<String, Object>) operation.get("requestBody");
        if (requestBody == null) {
            return false;
        }
        Map<String, Object> content = (Map<String, Object>) resolve(requestBody).get("content");
        return content != null && content.containsKey("application/json");
    }

    /** The JSON body's top-level properties, each with its resolved schema. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> properties(Map<String, Object> operation) {
        Map<String, Object> requestBody = resolve((Map<String, Object>) operation.get("requestBody"));
        Map<String, Object> json = (Map<String, Object>) ((Map<String, Object>) requestBody.get("content"))
                .get("application/json");
        Map<String, Object> schema = resolve((Map<String, Object>) json.getOrDefault("schema", Map.of()));
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        ((Map<String, Object>) schema.getOrDefault("properties", Map.of()))
                .forEach((name, s) -> out.put(name, resolve((Map<String, Object>) s)));
        return out;
    }

    /** A body whose fields of the kind given hold {@code value} and whose other fields hold something plausible. */
    private static String object(Map<String, Map<String, Object>> properties, String kind, String value) {
        StringBuilder out = new StringBuilder("{");
        for (Map.Entry<String, Map<String, Object>> p : properties.entrySet()) {
            String fieldKind = kind(p.getValue());
            String v = fieldKind.equals(kind) ? value : plausible(p.getValue(), fieldKind);
            if (v == null) {
                continue;
            }
            if (out.length() > 1) {
                out.append(',');
            }
            out.append(json(p.getKey())).append(':').append(v);
        }
        return out.append('}').toString();
    }

    private static String kind(Map<String, Object> schema) {
        Object type = schema.get("type");
        String format = String.valueOf(schema.get("format"));
        String t = type instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(type);
        if ("string".equals(t) && (format.startsWith("date") || format.equals("time"))) {
            return "date";
        }
        if ("integer".equals(t) || "number".equals(t)) {
            return "number";
        }
        return t;
    }

    private static String plausible(Map<String, Object> schema, String kind) {
        return switch (kind) {
            case "string" -> "uuid".equals(schema.get("format")) ? json(UUID.randomUUID().toString()) : "\"a\"";
            case "number" -> "1";
            case "boolean" -> "true";
            case "date" -> "\"2026-11-22T08:00:00Z\"";
            default -> null;
        };
    }

    private static String sample(Map<String, Object> schema) {
        return "uuid".equals(schema.get("format")) ? UUID.randomUUID().toString() : "X";
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> schema(Map<String, Object> parameter) {
        return resolve((Map<String, Object>) parameter.getOrDefault("schema", Map.of()));
    }

    /** The object a {@code $ref} names (following refs to refs), or the object itself. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(Map<String, Object> node) {
        Map<String, Object> current = node;
        for (int hops = 0; current != null && current.containsKey("$ref") && hops < 8; hops++) {
            String ref = (String) current.get("$ref");
            String[] parts = ref.substring(2).split("/");
            Object target = api;
            for (String part : parts) {
                target = ((Map<String, Object>) target).get(part);
            }
            current = (Map<String, Object>) target;
        }
        return current == null ? Map.of() : current;
    }

    private static String path(String template, Map<String, String> values) {
        String out = template;
        for (Map.Entry<String, String> v : values.entrySet()) {
            out = out.replace("{" + v.getKey() + "}", encode(v.getValue()).replace("+", "%20"));
        }
        return out;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || Character.isSurrogate(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    private static String gateway() {
        return Suite.url(Suite.port("api-gateway"));
    }
}
