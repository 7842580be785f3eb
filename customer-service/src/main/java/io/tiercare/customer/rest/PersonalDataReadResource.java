package io.tiercare.customer.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.service.PersonalDataReadService;
import io.tiercare.customer.service.PersonalDataReadView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/personal-data-reads")
@Tag(name = "Privacy", description = "PIPL: access, erasure and the audit trail of personal-data reads")
@Produces(MediaType.APPLICATION_JSON)
public class PersonalDataReadResource {

    private final PersonalDataReadService service;

    PersonalDataReadResource(PersonalDataReadService service) {
        this.service = service;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Audit trail of unmasked personal-data reads by people",
            description = "Newest first; filter by customer, actor and time")
    @APIResponse(responseCode = "200", description = "A page of reads")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public Page<PersonalDataReadView> find(@QueryParam("customerId") UUID customerId, @QueryParam("actor") String actor,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.find(customerId, actor == null || actor.isBlank() ? null : actor.strip(), from, to,
                PageRequest.of(page, size)).map(PersonalDataReadView::of);
    }
}
