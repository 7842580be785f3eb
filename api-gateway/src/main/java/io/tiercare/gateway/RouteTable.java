package io.tiercare.gateway;

import java.net.URI;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

/** Finds the service that owns a request path; the most specific prefix wins (most segments, then fewest wildcards). */
@ApplicationScoped
public class RouteTable {

    record Route(String service, URI upstream, String prefix, Pattern pattern) {
    }

    private final List<Route> routes = new ArrayList<>();

    RouteTable(GatewayConfig config) {
        config.services().forEach((name, upstream) -> {
            URI url = URI.create(upstream.url());
            for (String prefix : upstream.paths()) {
                String regex = Pattern.quote(prefix).replace("*", "\\E[^/]+\\Q");
                routes.add(new Route(name, url, prefix, Pattern.compile(regex + "(?:/.*)?")));
            }
        });
        routes.sort(Comparator.comparingLong((Route r) -> segments(r.prefix())).reversed()
                .thenComparingLong(r -> r.prefix().chars().filter(c -> c == '*').count()));
    }

    public Optional<Route> find(String path) {
        return routes.stream().filter(r -> r.pattern().matcher(path).matches()).findFirst();
    }

    private static long segments(String prefix) {
        return prefix.chars().filter(c -> c == '/').count();
    }

    public List<Route> routes() {
        return List.copyOf(routes);
    }
}
