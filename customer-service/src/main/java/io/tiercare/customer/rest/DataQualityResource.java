package io.tiercare.customer.rest;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.service.DataQualityReport;
import io.tiercare.customer.service.DataQualityService;
import io.tiercare.customer.service.DataQualityService.SuspectGroup;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1")
@Tag(name = "Data quality", description = "数据清洗: duplicate suspects, merging, the accuracy report")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DataQualityResource {

    private final DataQualityService service;
    private final CurrentCaller caller;

    DataQualityResource(DataQualityService service, CurrentCaller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @Path("/customer-duplicate-suspects")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Live records that look like the same customer",
            description = "Same normalised mobile phone, same email, or same name and birthday; oldest group first")
    @APIResponse(responseCode = "200", description = "Groups of suspected duplicates")
    public SuspectGroups suspects(@QueryParam("tag") String tag, @QueryParam("sourceChannel") String source) {
        return new SuspectGroups(service.suspects(caller.get(), blankToNull(tag), blankToNull(source)));
    }

    /** At most 500 groups, oldest first. */
    @Schema(name = "SuspectGroups")
    public record SuspectGroups(List<SuspectGroup> items) {
    }

    @GET
    @Path("/data-quality-report")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Completeness per field, invalid values, duplicate suspects and overall accuracy",
            description = "Over live records, optionally those with one tag (e.g. an import batch) or source channel")
    @APIResponse(responseCode = "200", description = "The report",
            content = @Content(schema = @Schema(implementation = DataQualityReport.class)))
    public DataQualityReport report(@QueryParam("tag") String tag, @QueryParam("sourceChannel") String source) {
        return service.report(blankToNull(tag), blankToNull(source));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
