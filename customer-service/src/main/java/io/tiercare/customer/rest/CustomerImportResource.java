package io.tiercare.customer.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.service.CustomerImportService;
import io.tiercare.customer.service.CustomerImportView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/customer-imports")
@Tag(name = "Import and export", description = "Bulk import of customers from CSV, and CSV export")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CustomerImportResource {

    private final CustomerImportService service;
    private final CurrentCaller caller;

    CustomerImportResource(CustomerImportService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @POST
    @Consumes({ "text/csv", MediaType.APPLICATION_OCTET_STREAM })
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.INTEGRATION })
    @Operation(summary = "Upload a CSV file of customers to import",
            description = "UTF-8, a header row (columns: type, name, gender, birthday, mobilePhone, email, province, "
                    + "city, address, industry, companyScale, sourceChannel, tags (separated by ;), usesCompetitor, "
                    + "accountManagerId; type and name required), RFC 4180 quoting. Valid rows are imported, invalid "
                    + "ones reported with their line; uploading the same file again returns the same job.")
    @RequestBody(content = @Content(mediaType = "text/csv",
            example = "type,name,mobilePhone,city,tags\nINDIVIDUAL,段晓明,13812341234,杭州市,家电;高净值\n"))
    @APIResponse(responseCode = "202", description = "Accepted; Location names the job to follow",
            content = @Content(schema = @Schema(implementation = CustomerImportView.class)))
    @APIResponse(responseCode = "200", description = "This file was uploaded before: its job",
            content = @Content(schema = @Schema(implementation = CustomerImportView.class)))
    @APIResponse(responseCode = "400", description = "Empty, not UTF-8, not CSV, or an unknown header",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Larger than 64 MB")
    public Response upload(@QueryParam("fileName") @Parameter(description = "Shown on the job", example =
            "customers-2026-11.csv") String fileName, byte[] content) {
        var submitted = service.submit(caller.get(), fileName, content);
        URI location = URI.create("/api/v1/customer-imports/" + submitted.job().id());
        return (submitted.created() ? Response.accepted(submitted.job()) : Response.ok(submitted.job()))
                .location(location).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.INTEGRATION })
    @Operation(summary = "Follow an import: progress and refused rows")
    @APIResponse(responseCode = "200", description = "The job",
            content = @Content(schema = @Schema(implementation = CustomerImportView.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CustomerImportView get(@PathParam("id") UUID id) {
        return service.get(id);
    }
}
