package io.tiercare.tiering.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.security.Roles;
import io.tiercare.tiering.service.ChangeView;
import io.tiercare.tiering.service.TierLookup;
import io.tiercare.tiering.service.TierQueryService;
import io.tiercare.tiering.service.TierQueryService.CustomerTiers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/customers/{customerId}/tiers")
@Tag(name = "Customer tiers", description = "Each customer's tier per scheme, explained, and its history")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class CustomerTierResource {

    private final TierQueryService service;
    private final TierLookup lookup;
    private final SecurityIdentity identity;

    CustomerTierResource(TierQueryService service, TierLookup lookup, SecurityIdentity identity) {
        this.service = service;
        this.lookup = lookup;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "The customer's tier in every scheme, explained",
            description = "Per scheme: the tier, since when, policy version, score and its breakdown, the rule that "
                    + "matched, what keeps the tier, what it takes to reach the next one, the earliest date a "
                    + "downgrade could happen with no new activity, and the metric values used.")
    @APIResponse(responseCode = "200", description = "The tiers",
            content = @Content(schema = @Schema(implementation = CustomerTiers.class)))
    public CustomerTiers tiers(@PathParam("customerId") UUID customerId) {
        lookup.requireVisible(customerId);
        return service.tiers(customerId);
    }

    @POST
    @Path("/evaluation")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Re-evaluate the customer now",
            description = "Applies what is due (a downgrade whose date has passed) and publishes any change.")
    @APIResponse(responseCode = "200", description = "The tiers after evaluation",
            content = @Content(schema = @Schema(implementation = CustomerTiers.class)))
    public CustomerTiers evaluate(@PathParam("customerId") UUID customerId) {
        return service.reevaluate(customerId, identity.getPrincipal().getName());
    }

    @GET
    @Path("/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "The customer's tier changes, newest first")
    @APIResponse(responseCode = "200", description = "A page of changes")
    public Page<ChangeView> history(@PathParam("customerId") UUID customerId, @QueryParam("scheme") String scheme,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        lookup.requireVisible(customerId);
        return service.history(customerId, scheme, PageRequest.of(page, size)).map(ChangeView::of);
    }
}
