package io.tiercare.complaint.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.service.SlaDetector;
import io.tiercare.complaint.service.SlaDetector.Run;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/sla-detector/runs")
@Tag(name = "SLA policies")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class SlaDetectorResource {

    private final SlaDetector detector;

    SlaDetectorResource(SlaDetector detector) {
        this.detector = detector;
    }

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Run the SLA detector now (it also runs on a schedule)",
            description = "Escalates every milestone at risk or breached as of now, each once, and says how many "
                    + "and how long it took.")
    @APIResponse(responseCode = "200", description = "What the run found: atRisk, breached, millis")
    public Run run() {
        return detector.run();
    }
}
