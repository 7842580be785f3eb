package io.tiercare.care.rest;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.service.Access;
import io.tiercare.care.service.CoverageReport;
import io.tiercare.care.service.CoverageReport.GroupBy;
import io.tiercare.care.service.CoverageReport.Line;
import io.tiercare.care.service.CoverageReport.Report;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/care-reports/coverage")
@Tag(name = "Care reports", description = "Coverage: care planned vs done on time, late, missed; reach vs target")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CoverageResource {

    private final CoverageReport report;
    private final SecurityIdentity identity;

    CoverageResource(CoverageReport report, SecurityIdentity identity) {
        this.report = report;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Coverage per tier and/or account manager for a period (default: this month)",
            description = "An occurrence counts once, in the period its first due date falls in: done on time, done "
                    + "late, missed (its period ended open), skipped or still open; cancelled ones do not count. "
                    + "Reach: the share of each tier's customers that received the care a target names (default: "
                    + "every CORE customer visited). An account manager's report covers their customers only.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Report coverage(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("groupBy") GroupBy groupBy) {
        return report.report(from, to, groupBy, Access.of(identity));
    }

    @GET
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The same report as CSV (UTF-8 with a BOM): one line per row, then the total")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response csv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to,
            @QueryParam("groupBy") GroupBy groupBy) {
        Report r = report.report(from, to, groupBy, Access.of(identity));
        StreamingOutput body = out -> {
            BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            w.write('\uFEFF');
            w.write("from,to,scheme,tier,manager,planned,doneOnTime,doneLate,missed,skipped,open,onTimeShare,"
                    + "onTimeTarget,met\r\n");
            for (Line line : r.rows()) {
                write(w, r, line);
            }
            write(w, r, r.total());
            w.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"care-coverage-" + r.from() + ".csv\"")
                .build();
    }

    private static void write(BufferedWriter w, Report r, Line l) throws java.io.IOException {
        w.write(String.join(",", r.from().toString(), r.to().toString(), cell(l.scheme()), cell(l.tier()),
                cell(l.manager()), String.valueOf(l.planned()), String.valueOf(l.doneOnTime()),
                String.valueOf(l.doneLate()), String.valueOf(l.missed()), String.valueOf(l.skipped()),
                String.valueOf(l.open()), cell(l.onTimeShare()), cell(l.onTimeTarget()), cell(l.met())));
        w.write("\r\n");
    }

    /** A CSV cell: quoted when needed; a leading = + - @ is neutralised so spreadsheets never run it. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!text.isEmpty() && "=+-@".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
