package io.tiercare.chassis.probe;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

@Path("/probe")
public class ProbeResource {

    private final ProbeService service;

    ProbeResource(ProbeService service) {
        this.service = service;
    }

    public record NoteRequest(@NotBlank String text, @NotNull @Min(1) @Max(10) Integer count) {
    }

    @POST
    @Path("/notes")
    @RolesAllowed(Roles.ADMIN)
    public Response note(@Valid @NotNull NoteRequest body) {
        UUID id = service.note(body.text(), body.count());
        return Response.created(URI.create("/probe/notes/" + id)).build();
    }

    @POST
    @Path("/failing-notes")
    @RolesAllowed(Roles.ADMIN)
    public Response failingNote(@Valid @NotNull NoteRequest body) {
        service.noteThenFail(body.text());
        return Response.noContent().build();
    }

    @GET
    @Path("/notes/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.ANALYST })
    public String get(@PathParam("id") UUID id) {
        throw ResourceNotFoundException.of("Note", id);
    }

    /** Every kind of value a body holds, echoed. */
    public record Measure(UUID ref, Double weight, double factor, Integer count, Instant at, LocalDate day,
            String label) {
    }

    @POST
    @Path("/measures")
    @RolesAllowed(Roles.ADMIN)
    public Measure measure(Measure body) {
        return body;
    }

    /** Asks the database for 1 January of a year: a year it cannot hold fails there, past every check. */
    @GET
    @Path("/years/{year}")
    @RolesAllowed(Roles.ADMIN)
    public String year(@PathParam("year") Integer year) {
        return service.firstDayOf(year);
    }

    @GET
    @Path("/pages")
    @RolesAllowed(Roles.ADMIN)
    public Page<Integer> pages(@QueryParam("page") Integer page, @QueryParam("size") Integer size,
            @QueryParam("from") Instant from) {
        PageRequest request = PageRequest.of(page, size);
        return Page.of(List.of(request.offset()), request, 1000);
    }

    @GET
    @Path("/unannotated")
    public String unannotated() {
        return "this must never be served";
    }
}
