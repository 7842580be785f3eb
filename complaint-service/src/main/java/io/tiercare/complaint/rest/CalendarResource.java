package io.tiercare.complaint.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.repository.SlaRepository.CalendarDay;
import io.tiercare.complaint.rest.dto.CalendarDayRequest;
import io.tiercare.complaint.rest.dto.CalendarDayView;
import io.tiercare.complaint.service.SlaService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/working-calendar")
@Tag(name = "Working calendar", description = "Public holidays and adjusted working days (调休) for working-hour SLAs")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CalendarResource {

    private final SlaService sla;

    CalendarResource(SlaService sla) {
        this.sla = sla;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "The exceptions to Monday–Friday between two dates (inclusive)")
    @APIResponse(responseCode = "200", description = "The days, in order")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Items<CalendarDayView> days(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        if (from == null || to == null) {
            throw new InvalidInputException(from == null ? "from" : "to", "is required (yyyy-MM-dd)");
        }
        return Items.of(sla.days(from, to).stream().map(CalendarDayView::of).toList());
    }

    @PUT
    @Path("/{day}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Declare a day a holiday (working=false) or a worked weekend day (working=true)",
            description = "Deadlines already set keep their value; complaints filed or resumed afterwards count on "
                    + "the new calendar.")
    @APIResponse(responseCode = "200", description = "The day")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public CalendarDayView put(@PathParam("day") LocalDate day, @NotNull @Valid CalendarDayRequest request) {
        return CalendarDayView.of(sla.putDay(new CalendarDay(day, request.working(), request.name().strip())));
    }

    @DELETE
    @Path("/{day}")
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Remove an exception: the day follows Monday–Friday again")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("day") LocalDate day) {
        sla.deleteDay(day);
    }
}
