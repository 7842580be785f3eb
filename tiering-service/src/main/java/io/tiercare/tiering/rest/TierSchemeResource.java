package io.tiercare.tiering.rest;


import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.security.Roles;
import io.tiercare.tiering.domain.PolicyDefinition;
import io.tiercare.tiering.service.DistributionService;
import io.tiercare.tiering.service.DistributionService.Distribution;
import io.tiercare.tiering.service.DistributionService.Impact;
import io.tiercare.tiering.service.PolicyVersionView;
import io.tiercare.tiering.service.SchemeView;
import io.tiercare.tiering.service.TierSchemeService;
import io.tiercare.tiering.service.TierSchemeService.PolicyApplied;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
    private final DistributionService distribution;
    private final SecurityIdentity identity;

    TierSchemeResource(TierSchemeService service, DistributionService distribution, SecurityIdentity identity) {
        this.service = service;
        this.distribution = distribution;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Every scheme with its current policy")
    @APIResponse(responseCode = "200", description = "The schemes")
    public Items<SchemeView> all() {
        return Items.of(service.all().stream().map(SchemeView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "One scheme with its current policy")
    @APIResponse(responseCode = "200", description = "The scheme",
            content = @Content(schema = @Schema(implementation = SchemeView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SchemeView get(@PathParam("code") String code) {
        return SchemeView.of(service.get(code));
    }

    @GET
    @Path("/{code}/policies")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Every version of the scheme's policy, newest first, with author and note")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Items<PolicyVersionView> versions(@PathParam("code") String code) {
        return Items.of(service.versions(code).stream().map(PolicyVersionView::of).toList());
    }

    @PUT
    @Path("/{code}/policy")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change the scheme's policy (adds a version) and re-grade everyone under it",
            description = "The policy is checked as a whole: unknown metrics or operators, a missing catch-all "
                    + "tier, bands out of order… are all reported at once, naming each field, and nothing changes. "
                    + "The answer carries the impact (as a simulation reports it) and the re-evaluation job that "
                    + "applies the policy to every customer.")
    @APIResponse(responseCode = "200", description = "The scheme with its new version, the impact and the job",
            content = @Content(schema = @Schema(implementation = PolicyApplied.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PolicyApplied change(@PathParam("code") String code, @NotNull @Valid PolicyChange change) {
        return service.change(code, change.policy(), change.note(), identity.getPrincipal().getName());
    }

    @POST
    @Path("/{code}/simulations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Simulate a draft policy: nothing changes",
            description = "Grades every customer by the current policy and by the draft on today's metrics: the "
                    + "distribution before and after (customers and trailing-12-month revenue per tier), how many "
                    + "move up, down or across, the moves from tier to tier, and a sample of moved customers.")
    @APIResponse(responseCode = "200", description = "The impact",
            content = @Content(schema = @Schema(implementation = Impact.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Impact simulate(@PathParam("code") String code, @NotNull @Valid PolicyChange draft) {
        return distribution.simulate(code, draft.policy());
    }

    @GET
    @Path("/{code}/distribution")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "How customers and revenue spread over the scheme's tiers, and the trend",
            description = "Per tier: customers and their share, trailing-12-month revenue and its share; the "
                    + "share of revenue from the top fifth of customers (the 80/20 check); the distribution after "
                    + "each evaluation job of the last trendDays days (default 30, at most 366).")
    @APIResponse(responseCode = "200", description = "The distribution",
            content = @Content(schema = @Schema(implementation = Distribution.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Distribution distribution(@PathParam("code") String code,
            @QueryParam("trendDays") @DefaultValue("30") @Min(0) @Max(366) int trendDays) {
        return distribution.distribution(code, trendDays);
    }
}
