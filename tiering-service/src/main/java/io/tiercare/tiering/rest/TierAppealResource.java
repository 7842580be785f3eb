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
import io.tiercare.tiering.service.AdjustmentService;
import io.tiercare.tiering.service.AppealView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/tier-appeals")
@Tag(name = "Overrides and appeals")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TierAppealResource {

    /** UPHELD: the change stands. OVERTURNED: the former tier comes back (as an override for a while). */
    public record Decide(@NotNull @Pattern(regexp = "UPHELD|OVERTURNED", message = "must be UPHELD or OVERTURNED")
    String decision, @NotBlank @Size(max = 1000) String reason) {
    }

    private final AdjustmentService service;
    private final SecurityIdentity identity;

    TierAppealResource(AdjustmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Appeals, oldest first (the reviewers' queue with status=PENDING)")
    @APIResponse(responseCode = "200", description = "A page of appeals")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<AppealView> appeals(
            @QueryParam("status") @Pattern(regexp = "PENDING|UPHELD|OVERTURNED",
                    message = "must be PENDING, UPHELD or OVERTURNED") String status,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.appeals(status, PageRequest.of(page, size)).map(AppealView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "One appeal")
    @APIResponse(responseCode = "200", description = "The appeal",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public AppealView appeal(@PathParam("id") UUID id) {
        return AppealView.of(service.appeal(id));
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Decide a pending appeal (not by the one who filed it)",
            description = "Publishes tiercare.tier.appeal.decided.v1; an overturned appeal brings the former tier "
                    + "back at once (tiercare.tier.changed.v1) for tiercare.tiering.overturned-appeal-holds-for.")
    @APIResponse(responseCode = "200", description = "The decided appeal",
            content = @Content(schema = @Schema(implementation = AppealView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public AppealView decide(@PathParam("id") UUID id, @NotNull @Valid Decide body) {
        return AppealView.of(service.decide(id, body.decision(), body.reason(), identity.getPrincipal().getName()));
    }
}
