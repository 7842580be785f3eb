package io.tiercare.care.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.care.service.ReplanJobs;
import io.tiercare.care.service.ReplanJobs.Job;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/care-replan-jobs")
@Tag(name = "Re-plan jobs", description = "Bulk re-plans after a plan change, with their progress")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ReplanJobResource {

    private final ReplanJobs jobs;

    ReplanJobResource(ReplanJobs jobs) {
        this.jobs = jobs;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Jobs, newest first")
    @APIResponse(responseCode = "200", description = "A page of jobs")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<Job> recent(@QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return jobs.recent(PageRequest.of(page, size));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "One job: RUNNING, COMPLETED or FAILED, chunks and customers done, tasks created and "
            + "cancelled")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Job get(@PathParam("id") UUID id) {
        return jobs.find(id);
    }
}
