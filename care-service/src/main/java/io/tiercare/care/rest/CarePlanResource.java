package io.tiercare.care.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.CarePlan;
import io.tiercare.care.rest.dto.PlanChangeRequest;
import io.tiercare.care.service.CarePlans;
import io.tiercare.care.service.CarePlans.Change;
import io.tiercare.care.service.CarePlans.History;
import io.tiercare.care.service.CarePlans.PlanVersion;
import io.tiercare.care.service.CarePlans.Simulation;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/care-plans")
@Tag(name = "Care plans", description = "What care each tier receives, as versioned data")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CarePlanResource {

    private final CarePlans plans;
    private final SecurityIdentity identity;

    CarePlanResource(CarePlans plans, SecurityIdentity identity) {
        this.plans = plans;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Every version, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public History history() {
        return plans.history();
    }

    @GET
    @Path("/current")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The plan in force")
    @APIResponse(responseCode = "200", description = "The current version")
    public PlanVersion current() {
        return plans.current();
    }

    @GET
    @Path("/{version}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "One version (a task names the one it was planned under)")
    @APIResponse(responseCode = "200", description = "The version")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public PlanVersion version(@PathParam("version") int version) {
        return plans.version(version);
    }

    @POST
    @Path("/simulations")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "What a plan would do if applied now: tasks created and cancelled, per item; changes nothing")
    @APIResponse(responseCode = "200", description = "The effect")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Simulation simulate(@NotNull @Valid CarePlan definition) {
        return plans.simulate(definition);
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Change the plan: validated whole (every problem named at once), stored as the next "
            + "version, published, and every customer re-planned by a job",
            description = "Items are matched by code: an item kept keeps its open tasks; an item removed, or moved "
                    + "to another tier, has its open tasks cancelled where the customer does not qualify; an "
                    + "item added opens a task for each customer of its tier. Done tasks are never touched.")
    @APIResponse(responseCode = "200", description = "The new version and its re-plan job")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Change change(@NotNull @Valid PlanChangeRequest request) {
        return plans.change(request.definition(), request.note().strip(), identity.getPrincipal().getName());
    }
}
