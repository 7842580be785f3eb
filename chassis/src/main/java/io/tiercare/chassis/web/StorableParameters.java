package io.tiercare.chassis.web;

import java.util.List;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.tiercare.chassis.json.StrictJsonCustomizer;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Refuses, before any resource runs, a path or query parameter holding what the database cannot store or compare
 * (a NUL character, an unpaired surrogate): a 400 naming the parameter, for every endpoint of every service, rather
 * than the database's error surfacing as a 500. Bodies are checked as they are read ({@link StrictJsonCustomizer}).
 */
public class StorableParameters {

    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 1)
    public void check(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(true);
        String problem = StrictJsonCustomizer.unstorable(path);
        if (problem != null) {
            throw new InvalidParameterException("path", problem);
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String name = parameter.getKey();
            if (StrictJsonCustomizer.unstorable(name) != null) {
                throw new InvalidParameterException("query", "a parameter's name "
                        + StrictJsonCustomizer.unstorable(name));
            }
            for (String value : parameter.getValue()) {
                problem = StrictJsonCustomizer.unstorable(value);
                if (problem != null) {
                    throw new InvalidParameterException(name, problem);
                }
            }
        }
    }
}
