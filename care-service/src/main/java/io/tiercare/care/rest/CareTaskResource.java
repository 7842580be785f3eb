package io.tiercare.care.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.Owner;
import io.tiercare.care.domain.TaskKind;
import io.tiercare.care.domain.TaskStatus;
import io.tiercare.care.repository.TaskRepository.Filter;
import io.tiercare.care.repository.TaskRepository.View;
import io.tiercare.care.rest.dto.CompleteRequest;
import io.tiercare.care.rest.dto.ReassignRequest;
import io.tiercare.care.rest.dto.RescheduleRequest;
import io.tiercare.care.rest.dto.SkipRequest;
import io.tiercare.care.service.Access;
import io.tiercare.care.service.CareTasks;
import io.tiercare.care.service.TaskView;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/care-tasks")
@Tag(name = "Care tasks", description = "The account managers' work queue and the actions on a task")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CareTaskResource {

    private final CareTasks tasks;
    private final SecurityIdentity identity;

    CareTaskResource(CareTasks tasks, SecurityIdentity identity) {
        this.tasks = tasks;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The work queue, by due date",
            description = "An account manager gets their own queue (the tasks assigned to them); a supervisor "
                    + "everyone's, filtered by manager, tier, kind, status, owner and customer. Views: OPEN (default), "
                    + "DUE_TODAY, OVERDUE, UPCOMING, CLOSED, ALL; days are the business time zone's. Analysts read "
                    + "notes masked.")
    @APIResponse(responseCode = "200", description = "A page of tasks")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<TaskView> queue(@QueryParam("view") View view,
            @Parameter(description = "the assignee (an account manager's user id)") @QueryParam("manager")
            String manager, @QueryParam("tier") String tier, @QueryParam("kind") TaskKind kind,
            @QueryParam("status") TaskStatus status, @QueryParam("owner") Owner owner,
            @QueryParam("customerId") UUID customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (manager != null && !manager.matches("[\\p{L}\\p{N}._@-]{1,100}")) {
            throw new InvalidInputException("manager", "must be a user id (1–100 letters, digits, . _ @ -)");
        }
        if (tier != null && !tier.matches("[A-Z][A-Z0-9_]{0,63}")) {
            throw new InvalidInputException("tier", "must be a tier code (CORE, IMPORTANT…)");
        }
        return tasks.queue(new Filter(view == null ? View.OPEN : view, manager, tier, kind, status, customerId, owner),
                PageRequest.of(page, size), Access.of(identity));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "One task, with why it is due when it is and what may be done with it now",
            description = "An account manager reaches the tasks assigned to them and their customers' only: any "
                    + "other answers 404, as an unknown id does.")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TaskView get(@PathParam("id") UUID id) {
        return tasks.get(id, Access.of(identity));
    }

    @GET
    @Path("/{id}/history")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Every action on the task: who, when, what")
    @APIResponse(responseCode = "200", description = "The actions, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CareTasks.History history(@PathParam("id") UUID id) {
        return tasks.history(id, Access.of(identity));
    }

    @POST
    @Path("/{id}/start")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER })
    @Operation(summary = "Start working on a SCHEDULED task")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TaskView start(@PathParam("id") UUID id) {
        return tasks.start(id, Access.of(identity));
    }

    @POST
    @Path("/{id}/complete")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER })
    @Operation(summary = "Record the contact's outcome (REACHED, NO_ANSWER, DECLINED, RESCHEDULED)",
            description = "A satisfaction score 1–5 is required where the item asks for one and the customer was "
                    + "reached; a follow-up day after NO_ANSWER or RESCHEDULED opens a new attempt due that day.")
    @APIResponse(responseCode = "200", description = "The task, DONE")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TaskView complete(@PathParam("id") UUID id, @NotNull @Valid CompleteRequest request) {
        return tasks.complete(id, request.outcome(), request.satisfaction(), request.notes(), request.followUpOn(),
                Access.of(identity));
    }

    @POST
    @Path("/{id}/reschedule")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER })
    @Operation(summary = "Move the due date (today or later, within the occurrence's period), with the reason")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TaskView reschedule(@PathParam("id") UUID id, @NotNull @Valid RescheduleRequest request) {
        return tasks.reschedule(id, request.dueOn(), request.reason(), Access.of(identity));
    }

    @POST
    @Path("/{id}/skip")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER })
    @Operation(summary = "Skip this occurrence, with the reason")
    @APIResponse(responseCode = "200", description = "The task, SKIPPED")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TaskView skip(@PathParam("id") UUID id, @NotNull @Valid SkipRequest request) {
        return tasks.skip(id, request.reason(), Access.of(identity));
    }

    @POST
    @Path("/{id}/reassign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Give the task to someone else; a later re-plan leaves it with them")
    @APIResponse(responseCode = "200", description = "The task")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public TaskView reassign(@PathParam("id") UUID id, @NotNull @Valid ReassignRequest request) {
        return tasks.reassign(id, request.assignee(), Access.of(identity));
    }
}
