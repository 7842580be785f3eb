package io.tiercare.customer.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.domain.ContactChannel;
import io.tiercare.customer.rest.dto.ConsentRequest;
import io.tiercare.customer.rest.dto.RecordInquiryRequest;
import io.tiercare.customer.service.ConsentService;
import io.tiercare.customer.service.ConsentView;
import io.tiercare.customer.service.InquiryService;
import io.tiercare.customer.service.InquiryView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Inquiries and feedback, and marketing consent, of one customer. */
@Path("/api/v1/customers/{customerId}")
@Tag(name = "Inquiries and consent", description = "咨询记录, 反馈, marketing consent per channel")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "410", ref = "Gone")
public class CustomerActivityResource {

    private final InquiryService inquiries;
    private final ConsentService consents;
    private final CurrentCaller caller;

    CustomerActivityResource(InquiryService inquiries, ConsentService consents, CurrentCaller caller) {
        this.inquiries = inquiries;
        this.consents = consents;
        this.caller = caller;
    }

    @POST
    @Path("/inquiries")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Record an inquiry or feedback",
            description = "Publishes tiercare.customer.inquiry-recorded.v1 (without the text)")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = InquiryView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response recordInquiry(@PathParam("customerId") UUID customerId,
            @Valid @NotNull RecordInquiryRequest body) {
        InquiryView inquiry = inquiries.record(caller.get(), customerId, body.toCommand());
        return Response.created(URI.create("/api/v1/customers/" + inquiry.customerId() + "/inquiries"))
                .entity(inquiry).build();
    }

    @GET
    @Path("/inquiries")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "List a customer's inquiries and feedback", description = "Newest first; the text is "
            + "withheld for ANALYST and INTEGRATION")
    @APIResponse(responseCode = "200", description = "A page of inquiries")
    public Page<InquiryView> listInquiries(@PathParam("customerId") UUID customerId,
            @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return inquiries.list(caller.get(), customerId, PageRequest.of(page, size));
    }

    @PUT
    @Path("/consents/{channel}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Grant or withdraw marketing consent for one channel",
            description = "Kept as history; a change publishes tiercare.customer.consent-changed.v1, a repeat of "
                    + "the current state changes nothing")
    @APIResponse(responseCode = "200", description = "Current consents and history",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body or channel",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ConsentView changeConsent(@PathParam("customerId") UUID customerId,
            @PathParam("channel") ContactChannel channel, @Valid @NotNull ConsentRequest body) {
        return consents.change(caller.get(), customerId, channel, body.granted(), body.source(), body.changedAt());
    }

    @GET
    @Path("/consents")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Current marketing consent per channel, and its history")
    @APIResponse(responseCode = "200", description = "Consents",
            content = @Content(schema = @Schema(implementation = ConsentView.class)))
    public ConsentView getConsents(@PathParam("customerId") UUID customerId) {
        return consents.get(caller.get(), customerId);
    }
}
