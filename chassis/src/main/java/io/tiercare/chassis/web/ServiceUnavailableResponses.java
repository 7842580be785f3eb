package io.tiercare.chassis.web;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Names the 503 of a database outage (ProblemMappers, {@code Retry-After}) on every operation of the API, so a
 * client reading the document knows to retry: it can happen to any of them.
 */
public class ServiceUnavailableResponses implements OASFilter {

    private static final String REF = "#/components/responses/ServiceUnavailable";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/api/")) {
                item.getOperations().values().forEach(ServiceUnavailableResponses::add);
            }
        });
    }

    private static void add(Operation operation) {
        if (operation.getResponses() != null && !operation.getResponses().hasAPIResponse("503")) {
            operation.getResponses().addAPIResponse("503", OASFactory.createAPIResponse().ref(REF));
        }
    }
}
