package io.tiercare.chassis.deadletter;

import java.util.List;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.smallrye.common.annotation.Blocking;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.problem.ResourceNotFoundException;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * An operator's view of this service's dead-letter topic, under the service's own name so the gateway routes it:
 * {@code /api/v1/dead-letters/<service>}.
 */
@Path("/api/v1/dead-letters/{service}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "What a service's consumers could not apply, and re-driving it")
@Blocking
public class DeadLetterResource {

    static final int MAX_LIST = 1000;

    private final DeadLetters deadLetters;
    private final String service;

    DeadLetterResource(DeadLetters deadLetters, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.deadLetters = deadLetters;
        this.service = service;
    }

    public record DeadLetterList(String topic, long total, List<DeadLetter> items) {
    }

    public record Position(@NotNull @PositiveOrZero Integer partition, @NotNull @PositiveOrZero Long offset) {
    }

    public record RedriveRequest(@NotEmpty @Size(max = 100) List<@Valid @NotNull Position> records) {
    }

    public record RedriveResult(int partition, long offset, DeadLetters.Outcome outcome) {
    }

    public record RedriveResults(List<RedriveResult> items) {
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "List the dead letters: where each sits, its event id and type, why it failed, where it came"
            + " from, when, and whether it was re-driven (no event data: it may hold personal data)")
    @APIResponse(responseCode = "200", description = "The dead letters, oldest first per partition")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public DeadLetterList list(@PathParam("service") String service,
            @QueryParam("limit") @DefaultValue("200") @Min(1) @Max(MAX_LIST) int limit) {
        requireThisService(service);
        return new DeadLetterList(deadLetters.topic(), deadLetters.count(), deadLetters.list(limit));
    }

    @POST
    @Path("/redrive")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Send chosen dead letters back to the topic they came from, each at most once")
    @APIResponse(responseCode = "200", description = "What became of each: REDRIVEN, ALREADY_REDRIVEN or NOT_FOUND")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public RedriveResults redrive(@PathParam("service") String service, @NotNull @Valid RedriveRequest request) {
        requireThisService(service);
        if (request.records().stream().distinct().count() != request.records().size()) {
            throw new InvalidInputException("records", "names a record twice");
        }
        return new RedriveResults(request.records().stream().map(position -> new RedriveResult(position.partition(),
                position.offset(), deadLetters.redrive(position.partition(), position.offset()))).toList());
    }

    private void requireThisService(String name) {
        if (!service.equals(name)) {
            throw new ResourceNotFoundException("No service " + name + " here");
        }
    }
}
