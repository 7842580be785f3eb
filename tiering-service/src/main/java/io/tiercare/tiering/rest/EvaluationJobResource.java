package io.tiercare.tiering.rest;

import java.net.URI;
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
import io.tiercare.tiering.service.EvaluationJobService;
import io.tiercare.tiering.service.JobView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/tier-evaluations")
@Tag(name = "Bulk re-evaluation", description = "Re-grade every customer as a job, shared by all replicas")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class EvaluationJobResource {

    /** Why the job runs: it becomes the reason of each change it makes. */
    public record StartJob(@Size(max = 200) String reason) {
    }

    private final EvaluationJobService jobs;
    private final SecurityIdentity identity;

    EvaluationJobResource(EvaluationJobService jobs, SecurityIdentity identity) {
        this.jobs = jobs;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Re-evaluate every customer",
            description = "Cuts the customers into chunks that every replica works through; follow the job at its "
                    + "Location. Upgrades and due downgrades apply, warnings go out, every change is published. "
                    + "The daily evaluation is such a job, started by the scheduler.")
    @APIResponse(responseCode = "202", description = "The job, started",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response start(@Valid StartJob start) {
        JobView job = jobs.start(start == null ? null : start.reason(), identity.getPrincipal().getName());
        return Response.accepted(job).location(URI.create("/api/v1/tier-evaluations/" + job.id())).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "A job's progress: chunks and customers done of the total, tiers changed")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = JobView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public JobView get(@PathParam("id") UUID id) {
        return jobs.get(id);
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    public Page<JobView> recent(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jobs.recent(PageRequest.of(page, size));
    }
}
