package io.tiercare.care.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.OutreachPolicy;
import io.tiercare.care.repository.GiftRepository.Gift;
import io.tiercare.care.service.OutreachPolicies;
import io.tiercare.care.service.OutreachPolicies.Catalogue;
import io.tiercare.care.service.OutreachPolicies.GiftView;
import io.tiercare.care.service.OutreachPolicies.History;
import io.tiercare.care.service.OutreachPolicies.PolicyVersion;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Tag(name = "Outreach policy", description = "Welcome gifts and complaint follow-ups: the rules and the gift catalogue")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class OutreachPolicyResource {

    /** A new version of the policy, with a note saying why. */
    public record PolicyRequest(@NotNull OutreachPolicy definition, @NotBlank @Size(max = 500) String note) {
    }

    /** A gift as the catalogue holds it; the code is the path's. */
    public record GiftRequest(String name, @NotNull Boolean active, @NotNull Integer position) {
    }

    private final OutreachPolicies policies;
    private final SecurityIdentity identity;

    OutreachPolicyResource(OutreachPolicies policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @Path("/outreach-policy")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Every version of the outreach policy, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public History history() {
        return policies.history();
    }

    @GET
    @Path("/outreach-policy/current")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The policy in force: who gets a welcome gift and when again; how soon complaints are "
            + "followed up, per tier")
    @APIResponse(responseCode = "200", description = "The current version")
    public PolicyVersion current() {
        return policies.currentVersion();
    }

    @PUT
    @Path("/outreach-policy/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Change the policy: checked whole (every problem named), stored as the next version; it "
            + "applies to the events that arrive from now on")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PolicyVersion change(@NotNull @Valid PolicyRequest request) {
        return policies.change(request.definition(), request.note().strip(), identity.getPrincipal().getName());
    }

    @GET
    @Path("/gifts")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The gift catalogue, in the order welcome gifts are offered")
    @APIResponse(responseCode = "200", description = "The gifts")
    public Catalogue gifts() {
        return policies.catalogue();
    }

    @PUT
    @Path("/gifts/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Add a gift or change one: its name, whether it is offered, its place in the order")
    @APIResponse(responseCode = "200", description = "The gift as stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public GiftView saveGift(@PathParam("code") String code, @NotNull @Valid GiftRequest request) {
        return GiftView.of(policies.saveGift(new Gift(code, request.name() == null ? null
                : request.name().strip(), request.active(), request.position()), identity.getPrincipal().getName()));
    }
}
