package io.tiercare.tiering.rest;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.security.Roles;
import io.tiercare.tiering.domain.TierAppeal;
import io.tiercare.tiering.service.AdjustmentService;
import io.tiercare.tiering.service.AppealView;
import io.tiercare.tiering.service.OverrideView;
import io.tiercare.tiering.service.TierLookup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/customers/{customerId}/tiers")
@Tag(name = "Overrides and appeals", description = "A tier set by hand, and appeals (申诉) against a tier change")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class TierAdjustmentResource {

    /** A manual override: the tier, why, and until when. */
    public record SetOverride(@NotBlank String tier, @NotBlank @Size(max = 500) String reason,
            @NotNull Instant expiresAt) {
    }

    /** An appeal against the latest change in a scheme ({@code changeId} from the history). */
    public record FileAppeal(@NotBlank String scheme, @NotNull Long changeId,
            @NotBlank @Size(max = 1000) String reason) {
    }

    private final AdjustmentService service;
    private final TierLookup lookup;
    private final SecurityIdentity identity;

    TierAdjustmentResource(AdjustmentService service, TierLookup lookup, SecurityIdentity identity) {
        this.service = service;
        this.lookup = lookup;
        this.identity = identity;
    }

    @PUT
    @Path("/{scheme}/override")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Set the customer's tier in a scheme by hand until a date",
            description = "Takes effect at once (a tier change is published with the reason) and replaces an "
                    + "override in force. When it expires or is ended, the rules' tier applies again at once.")
    @APIResponse(responseCode = "200", description = "The override",
            content = @Content(schema = @Schema(implementation = OverrideView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public OverrideView override(@PathParam("customerId") UUID customerId, @PathParam("scheme") String scheme,
            @NotNull @Valid SetOverride body) {
        return OverrideView.of(service.override(customerId, scheme, body.tier(), body.reason(), body.expiresAt(),
                caller()));
    }

    @DELETE
    @Path("/{scheme}/override")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "End the override in force; the rules' tier applies again at once")
    @APIResponse(responseCode = "204", description = "Ended")
    public void endOverride(@PathParam("customerId") UUID customerId, @PathParam("scheme") String scheme) {
        service.endOverride(customerId, scheme, caller());
    }

    @GET
    @Path("/overrides")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Every override of the customer, newest first: who, why, until when, how it ended")
    @APIResponse(responseCode = "200", description = "The overrides")
    public Items<OverrideView> overrides(@PathParam("customerId") UUID customerId) {
        return Items.of(service.overrides(customerId).stream().map(OverrideView::of).toList());
    }

    @POST
    @Path("/appeals")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER })
    @Operation(summary = "Appeal the latest tier change in a scheme (within 30 days of it)",
            description = "Holds a downgrade in that scheme while pending. 409 when the change is older than 30 "
                    + "days, not the latest in its scheme, a first grading, or an appeal is already pending.")
    @APIResponse(responseCode = "201", description = "The appeal, pending",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response file(@PathParam("customerId") UUID customerId, @NotNull @Valid FileAppeal body) {
        lookup.requireVisible(customerId);
        TierAppeal appeal = service.file(customerId, body.scheme(), body.changeId(), body.reason(), caller());
        return Response.created(URI.create("/api/v1/tier-appeals/" + appeal.id())).entity(AppealView.of(appeal))
                .build();
    }

    @GET
    @Path("/appeals")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The customer's appeals, newest first")
    @APIResponse(responseCode = "200", description = "The appeals")
    public Items<AppealView> appeals(@PathParam("customerId") UUID customerId) {
        lookup.requireVisible(customerId);
        return Items.of(service.appealsOf(customerId).stream().map(AppealView::of).toList());
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }
}
