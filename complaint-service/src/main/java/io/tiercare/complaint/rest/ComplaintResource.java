package io.tiercare.complaint.rest;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.domain.ComplaintStatus;
import io.tiercare.complaint.rest.dto.ActionRequest;
import io.tiercare.complaint.rest.dto.ActionView;
import io.tiercare.complaint.rest.dto.AssignRequest;
import io.tiercare.complaint.rest.dto.FileComplaintRequest;
import io.tiercare.complaint.rest.dto.NoteRequest;
import io.tiercare.complaint.rest.dto.RatingRequest;
import io.tiercare.complaint.service.Access;
import io.tiercare.complaint.service.ComplaintIntake;
import io.tiercare.complaint.service.ComplaintService;
import io.tiercare.complaint.service.ComplaintService.ActionKind;
import io.tiercare.complaint.service.ComplaintService.Submitted;
import io.tiercare.complaint.service.ComplaintView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/complaints")
@Tag(name = "Complaints", description = "Intake, the 1-24-48 SLA and the workflow")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ComplaintResource {

    private static final Map<String, ActionKind> ACTIONS = Map.of("acknowledge", ActionKind.ACKNOWLEDGE,
            "plan", ActionKind.PROPOSE_PLAN, "wait", ActionKind.WAIT, "resume", ActionKind.RESUME,
            "resolve", ActionKind.RESOLVE, "close", ActionKind.CLOSE, "reopen", ActionKind.REOPEN);

    private final ComplaintService complaints;
    private final ComplaintIntake intake;
    private final SecurityIdentity identity;

    ComplaintResource(ComplaintService complaints, ComplaintIntake intake, SecurityIdentity identity) {
        this.complaints = complaints;
        this.intake = intake;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "File a complaint",
            description = "Stamps the current SLA policy and sets the three deadlines (acknowledge, propose a plan, "
                    + "resolve) from the customer's VALUE tier and the severity. A customer registered a moment ago "
                    + "is waited for briefly; an unknown or erased customer is refused. With an Idempotency-Key, a "
                    + "retry returns the first complaint (200); the key reused for another complaint is a 409.")
    @APIResponse(responseCode = "201", description = "Filed",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "200", description = "A retry: the complaint filed the first time",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response file(@NotNull @Valid FileComplaintRequest request,
            @Parameter(description = "Makes a retried submit create one complaint") @HeaderParam("Idempotency-Key")
            String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > 200)) {
            throw new InvalidInputException("Idempotency-Key", "must be 1–200 characters");
        }
        Submitted submitted = intake.submit(request.toIntake(), idempotencyKey, Access.of(identity));
        return Response.status(submitted.created() ? Response.Status.CREATED : Response.Status.OK)
                .location(URI.create("/api/v1/complaints/" + submitted.complaint().id()))
                .entity(submitted.complaint()).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "A complaint with each milestone's deadline and state as of now",
            description = "An account manager sees their customers' complaints only (404 otherwise); analysts see "
                    + "the contact details masked.")
    @APIResponse(responseCode = "200", description = "The complaint",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ComplaintView get(@PathParam("id") UUID id) {
        return complaints.get(id, Access.of(identity));
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Complaints, newest first, filtered by customer, status and category",
            description = "An account manager gets their customers' complaints only.")
    @APIResponse(responseCode = "200", description = "A page of complaints")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<ComplaintView> list(@QueryParam("customerId") UUID customerId,
            @QueryParam("status") ComplaintStatus status, @QueryParam("category") String category,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return complaints.list(customerId, status, category, PageRequest.of(page, size), Access.of(identity));
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Every action on the complaint: who, when, what, from which status to which, the note")
    @APIResponse(responseCode = "200", description = "The timeline, oldest first")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Items<ActionView> timeline(@PathParam("id") UUID id) {
        return Items.of(complaints.timeline(id, Access.of(identity)).stream().map(ActionView::of).toList());
    }

    @POST
    @Path("/{id}/{action: acknowledge|plan|wait|resume|resolve|close|reopen}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT })
    @Operation(summary = "A workflow step, with an optional note for the timeline",
            description = "acknowledge: FILED → ACKNOWLEDGED, meets the acknowledge milestone. "
                    + "plan: ACKNOWLEDGED or REOPENED → PLAN_PROPOSED, meets the plan milestone (the note is the plan). "
                    + "wait: ACKNOWLEDGED, PLAN_PROPOSED or REOPENED → WAITING_ON_CUSTOMER; the SLA clock pauses and "
                    + "what was left is kept. resume: back to the status before waiting; the deadlines are set again "
                    + "from now. resolve: ACKNOWLEDGED, PLAN_PROPOSED or REOPENED → RESOLVED, meets the resolve "
                    + "milestone (and the plan one, if open). close: RESOLVED → CLOSED. reopen: RESOLVED or CLOSED → "
                    + "REOPENED; a new resolve milestone starts. Any other transition is a 409 naming the status.")
    @APIResponse(responseCode = "200", description = "The complaint after the step",
            content = @Content(schema = @Schema(implementation = ComplaintView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ComplaintView act(@PathParam("id") UUID id,
            @Parameter(description = "acknowledge, plan, wait, resume, resolve, close or reopen")
            @PathParam("action") String action, @Valid ActionRequest request) {
        return complaints.act(id, ACTIONS.get(action), request == null ? null : request.note(), caller());
    }

    @POST
    @Path("/{id}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Record the customer's rating (1–5, with a comment) of the latest resolution",
            description = "Once per resolution, while RESOLVED or CLOSED (409 otherwise); a rating of 2 or less "
                    + "publishes tiercare.complaint.rated.v1 with followUpRequired for care follow-up.")
    @APIResponse(responseCode = "200", description = "The complaint with its ratings")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ComplaintView rate(@PathParam("id") UUID id, @NotNull @Valid RatingRequest request) {
        return complaints.rate(id, request.rating(), request.comment(), caller(), Access.of(identity));
    }

    @POST
    @Path("/{id}/assign")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT })
    @Operation(summary = "Assign or reassign to an agent and/or a team (not once closed)")
    @APIResponse(responseCode = "200", description = "The complaint after the action")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public ComplaintView assign(@PathParam("id") UUID id, @NotNull @Valid AssignRequest request) {
        return complaints.assign(id, blankToNull(request.assignee()), blankToNull(request.team()), request.note(),
                caller());
    }

    @POST
    @Path("/{id}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT })
    @Operation(summary = "Add a note to the timeline")
    @APIResponse(responseCode = "200", description = "The complaint")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public ComplaintView note(@PathParam("id") UUID id, @NotNull @Valid NoteRequest request) {
        return complaints.note(id, request.note(), caller());
    }

    private String caller() {
        return identity.getPrincipal().getName();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
