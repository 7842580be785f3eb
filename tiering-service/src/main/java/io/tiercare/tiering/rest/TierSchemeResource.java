package io.tiercare.tiering.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.security.Roles;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.repository.SchemeRepository.PolicyVersion;
import io.tiercare.tiering.repository.SchemeRepository.Scheme;
import io.tiercare.tiering.service.TierSchemeService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/tier-schemes")
@Tag(name = "Tier schemes", description = "The grading schemes and their versioned policies")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class TierSchemeResource {

    /** A new policy version: the definition and why it changed. */
    public record PolicyChange(@NotNull @Valid PolicyDefinition policy, @Size(max = 500) String note) {
    }

    private final TierSchemeService service;
    private final SecurityIdentity identity;

    TierSchemeResource(TierSchemeService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Every scheme with its current policy")
    @APIResponse(responseCode = "200", description = "The schemes")
    public List<Scheme> all() {
        return service.all();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "One scheme with its current policy")
    @APIResponse(responseCode = "200", description = "The scheme",
            content = @Content(schema = @Schema(implementation = Scheme.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Scheme get(@PathParam("code") String code) {
        return service.get(code);
    }

    @GET
    @Path("/{code}/policies")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Every version of the scheme's policy, newest first, with author and note")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public List<PolicyVersion> versions(@PathParam("code") String code) {
        return service.versions(code);
    }

    @PUT
    @Path("/{code}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the scheme's policy (adds a version)",
            description = "The policy is checked as a whole: unknown metrics or operators, a missing catch-all "
                    + "tier, bands out of order… are all reported at once, naming each field, and nothing changes.")
    @APIResponse(responseCode = "200", description = "The scheme with its new version",
            content = @Content(schema = @Schema(implementation = Scheme.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Scheme change(@PathParam("code") String code, @NotNull @Valid PolicyChange change) {
        return service.change(code, change.policy(), change.note(), identity.getPrincipal().getName());
    }
}
