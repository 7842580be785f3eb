package io.tiercare.customer.rest;

import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.service.PersonalDataExport;
import io.tiercare.customer.service.PrivacyService;
import io.tiercare.customer.service.PrivacyService.Erasure;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/customers/{customerId}")
@Tag(name = "Privacy")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
public class PrivacyResource {

    private final PrivacyService service;
    private final CurrentCaller caller;

    PrivacyResource(PrivacyService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/personal-data")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Everything held about this customer (PIPL right of access)",
            description = "Record, merged records, purchases, inquiries with their text, consents and the read "
                    + "audit trail; the export itself is audited")
    @APIResponse(responseCode = "200", description = "The customer's data",
            content = @Content(schema = @Schema(implementation = PersonalDataExport.class)))
    @APIResponse(responseCode = "410", description = "Already erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public PersonalDataExport export(@PathParam("customerId") UUID customerId) {
        return service.export(caller.get(), customerId);
    }

    @POST
    @Path("/erasure")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Erase this customer's personal data (PIPL right to deletion)",
            description = "Personal fields anonymised, inquiry texts removed, events about them deleted; purchase "
                    + "aggregates kept; records merged into it erased too; the id answers 410 from then on. "
                    + "Publishes tiercare.customer.erased.v1 so every other service purges. Repeating it is harmless.")
    @APIResponse(responseCode = "200", description = "Erased",
            content = @Content(schema = @Schema(implementation = Erasure.class)))
    @APIResponse(responseCode = "410", description = "The id was merged: erase the surviving customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Erasure erase(@PathParam("customerId") UUID customerId) {
        return service.erase(caller.get(), customerId);
    }
}
