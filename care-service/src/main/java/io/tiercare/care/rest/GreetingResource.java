package io.tiercare.care.rest;

import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.repository.GreetingRepository.Festival;
import io.tiercare.care.service.Greetings;
import io.tiercare.care.service.Greetings.Run;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Roles;
import io.tiercare.chassis.time.BusinessTime;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Tag(name = "Greetings", description = "Birthday and festival greetings: the festival calendar and the daily run")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class GreetingResource {

    /** A festival's date in one year (lunar festivals move), its name, and the offer its greeting carries. */
    public record FestivalRequest(@NotNull LocalDate day, @NotBlank @Size(max = 50) String name,
            @Size(max = 200) String offer) {
    }

    /** The festivals of a year. */
    public record Festivals(int year, List<FestivalView> items) {
    }

    /** A festival on its date of the year, with the offer its greetings carry. */
    public record FestivalView(String code, LocalDate day, String name, String offer) {

        static FestivalView of(Festival festival) {
            return new FestivalView(festival.code(), festival.day(), festival.name(), festival.offer());
        }
    }

    /** The day to greet for (default: today in the business time zone). */
    public record RunRequest(LocalDate day) {
    }

    private final Greetings greetings;
    private final BusinessTime businessTime;
    private final SecurityIdentity identity;

    GreetingResource(Greetings greetings, BusinessTime businessTime, SecurityIdentity identity) {
        this.greetings = greetings;
        this.businessTime = businessTime;
        this.identity = identity;
    }

    @GET
    @Path("/festivals")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The festival calendar of a year (default: this year), by date")
    @APIResponse(responseCode = "200", description = "The festivals")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Festivals list(@QueryParam("year") Integer year) {
        int y = year == null ? businessTime.today().getYear() : year;
        if (y < 2000 || y > 2100) {
            throw new InvalidInputException("year", "must be between 2000 and 2100");
        }
        return new Festivals(y, greetings.festivalsOf(y).stream().map(FestivalView::of).toList());
    }

    @PUT
    @Path("/festivals/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Set a festival's date for the year of `day` (replacing that year's date), name and offer",
            description = "Lunar festivals are entered as their Gregorian date, year by year.")
    @APIResponse(responseCode = "200", description = "The festival as stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public FestivalView save(@PathParam("code") String code, @NotNull @Valid FestivalRequest request) {
        if (!code.matches("[A-Z][A-Z0-9_]{1,39}")) {
            throw new InvalidInputException("code", "must be 2–40 capital letters, digits or _ (MID_AUTUMN)");
        }
        if (request.day().getYear() < 2000 || request.day().getYear() > 2100) {
            throw new InvalidInputException("day", "must be in the years 2000–2100");
        }
        return FestivalView.of(greetings.saveFestival(new Festival(code, request.day(), request.name().strip(),
                request.offer() == null || request.offer().isBlank() ? null : request.offer().strip()),
                identity.getPrincipal().getName()));
    }

    @POST
    @Path("/greeting-runs")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Run a day's greetings now (the scheduler does at 09:00 every day)",
            description = "Places a birthday greeting for every customer born that day and a festival greeting for "
                    + "everyone on each festival; a customer already greeted for the occasion is skipped, so a "
                    + "repeated run places nothing more. The contact rules decide each message as usual.")
    @APIResponse(responseCode = "200", description = "The greetings placed now, per occasion")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Run run(@Valid RunRequest request) {
        LocalDate day = request == null || request.day() == null ? businessTime.today() : request.day();
        if (day.getYear() < 2000 || day.getYear() > 2100) {
            throw new InvalidInputException("day", "must be in the years 2000–2100");
        }
        return greetings.run(day);
    }
}
