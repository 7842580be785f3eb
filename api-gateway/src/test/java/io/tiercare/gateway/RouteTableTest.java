package io.tiercare.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.common.QuarkusTestResource;
import io.tiercare.testing.TestTokensResource;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(TestTokensResource.class)
class RouteTableTest {

    @Inject
    RouteTable routes;

    @Test
    void shouldSendEachPathToTheServiceThatOwnsIt() {
        assertThat(routes.find("/api/v1/customers").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/customers/42/purchases").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/customers/42/tiers").orElseThrow().service()).isEqualTo("tiering");
        assertThat(routes.find("/api/v1/customers/42/care").orElseThrow().service()).isEqualTo("care");
        assertThat(routes.find("/api/v1/message-templates/BIRTHDAY_SMS/preview").orElseThrow().service())
                .isEqualTo("care");
        assertThat(routes.find("/api/v1/contact-rules").orElseThrow().service()).isEqualTo("care");
        assertThat(routes.find("/api/v1/tier-schemes/VALUE").orElseThrow().service()).isEqualTo("tiering");
        assertThat(routes.find("/api/v1/complaints/9/acknowledge").orElseThrow().service()).isEqualTo("complaint");
        assertThat(routes.find("/api/v1/customer-imports/7").orElseThrow().service()).isEqualTo("customer");
        assertThat(routes.find("/api/v1/data-quality-report").orElseThrow().service()).isEqualTo("customer");
        // each service's dead letters (a chassis resource under the service's own name)
        assertThat(routes.find("/api/v1/dead-letters/tiering-service/redrive").orElseThrow().service())
                .isEqualTo("tiering");
        assertThat(routes.find("/api/v1/dead-letters/complaint-service").orElseThrow().service())
                .isEqualTo("complaint");
        assertThat(routes.find("/api/v1/customersX")).isEmpty();
        assertThat(routes.find("/api/v2/customers")).isEmpty();
    }

    /** The services' resources, read from their sources in this repository: every endpoint must be routed. */
    private static final Map<String, String> MODULES = Map.of("customer-service", "customer", "tiering-service",
            "tiering", "care-service", "care", "complaint-service", "complaint");
    private static final Pattern CLASS_PATH = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");
    private static final Pattern METHOD_PATH = Pattern.compile("(?m)^ {4}@Path\\(\"([^\"]+)\"\\)");

    @Test
    void shouldRouteEveryEndpointOfEveryServiceToThatService() throws IOException {
        List<String> checked = new ArrayList<>();
        for (var module : MODULES.entrySet()) {
            Path sources = Path.of("..", module.getKey(), "src", "main", "java");
            if (!Files.isDirectory(sources)) {
                continue; // a service without endpoints yet
            }
            try (Stream<Path> files = Files.walk(sources)) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    String source = read(file);
                    Matcher resource = CLASS_PATH.matcher(source);
                    if (!resource.find()) {
                        continue;
                    }
                    List<String> paths = new ArrayList<>();
                    if (!resource.group(1).equals("/api/v1")) { // a resource whose methods name their own paths
                        paths.add(resource.group(1));
                    }
                    Matcher method = METHOD_PATH.matcher(source);
                    while (method.find()) {
                        paths.add(resource.group(1) + method.group(1));
                    }
                    for (String path : paths) {
                        String concrete = path.replaceAll("\\{[^}]+}", "x");
                        assertThat(routes.find(concrete)).as("%s (%s)", path, file.getFileName()).isPresent()
                                .get().extracting(RouteTable.Route::service).isEqualTo(module.getValue());
                        checked.add(concrete);
                    }
                }
            }
        }
        assertThat(checked).as("endpoints found in the services' sources").hasSizeGreaterThan(30)
                .contains("/api/v1/tier-evaluations", "/api/v1/working-calendar");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
