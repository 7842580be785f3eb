package io.tiercare.complaint.rest;


import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.rest.dto.SlaPolicyRequest;
import io.tiercare.complaint.service.SlaService;
import io.tiercare.complaint.service.SlaService.PolicyVersion;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla-policies")
@Tag(name = "SLA policies", description = "The 1-24-48 rule as versioned data")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SlaPolicyResource {

    private final SlaService sla;
    private final SecurityIdentity identity;

    SlaPolicyResource(SlaService sla, SecurityIdentity identity) {
        this.sla = sla;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "Every version, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public Items<PolicyVersion> history() {
        return Items.of(sla.history());
    }

    @GET
    @Path("/current")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "The version new complaints get")
    @APIResponse(responseCode = "200", description = "The current version")
    public PolicyVersion current() {
        return sla.current();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "One version (a complaint names the one it was filed under)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PolicyVersion version(@PathParam("version") int version) {
        return sla.version(version);
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Change the policy: validated, stored as the next version; complaints filed before keep "
            + "theirs",
            description = "Rules are tried in order (tiers and severities: empty matches any); the last must match "
                    + "every complaint; durations are ISO-8601 (PT1H) with acknowledge ≤ plan ≤ resolve; clock "
                    + "CALENDAR or WORKING (working hours on the working-day calendar).")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public PolicyVersion change(@NotNull @Valid SlaPolicyRequest request) {
        return sla.change(request.definition(), request.note(), identity.getPrincipal().getName());
    }
}
