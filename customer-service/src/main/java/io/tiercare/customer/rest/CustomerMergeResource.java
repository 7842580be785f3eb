package io.tiercare.customer.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.rest.dto.MergeRequest;
import io.tiercare.customer.service.CustomerView;
import io.tiercare.customer.service.DataQualityService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/customers/{customerId}/merges")
@Tag(name = "Data quality")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CustomerMergeResource {

    private final DataQualityService service;
    private final CurrentCaller caller;

    CustomerMergeResource(DataQualityService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Merge a duplicate into this customer",
            description = "Purchases, inquiries and consents move to this customer; the duplicate's id keeps "
                    + "resolving to it. Publishes tiercare.customer.merged.v1.")
    @APIResponse(responseCode = "200", description = "The surviving customer",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body, or a customer merged into itself",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Already merged",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "410", description = "One of them was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CustomerView merge(@PathParam("customerId") UUID customerId, @Valid @NotNull MergeRequest body) {
        return service.merge(caller.get(), customerId, body.duplicateId());
    }

}
