package io.tiercare.complaint.rest;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.service.ReviewService;
import io.tiercare.complaint.service.WeeklyReview;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/complaint-reports/weekly-review")
@Tag(name = "Weekly review", description = "每周复盘: counts, SLA compliance, times, reopens, ratings and targets")
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ReviewResource {

    private final ReviewService reviews;

    ReviewResource(ReviewService reviews) {
        this.reviews = reviews;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "The review of complaints filed between two business days (both included)",
            description = "Without from and to: last week, Monday to Sunday. Categories come with their count in the "
                    + "period just before (same length) and the change; SLA compliance per milestone is met on time "
                    + "among the milestones decided; times are minutes from filing; ratings are those given in the "
                    + "period; the targets are 100 % resolved and 90 % of ratings 4 or 5.")
    @APIResponse(responseCode = "200", description = "The review",
            content = @Content(schema = @Schema(implementation = WeeklyReview.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public WeeklyReview review(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        return reviews.review(from, to);
    }

    @GET
    @Path("/csv")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "The same review as CSV (one row per figure), to open in a spreadsheet")
    @APIResponse(responseCode = "200", description = "section,key,count,share,previous,change,value",
            content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response csv(@QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to) {
        WeeklyReview review = reviews.review(from, to);
        return Response.ok(reviews.csv(review)).header("Content-Disposition",
                "attachment; filename=\"complaint-review-" + review.from() + "-" + review.to() + ".csv\"").build();
    }
}
