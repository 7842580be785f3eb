package io.tiercare.care.rest;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.service.Access;
import io.tiercare.care.service.Outreach;
import io.tiercare.care.service.Outreach.MessageView;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.problem.InvalidInputException;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/care-messages")
@Tag(name = "Care messages", description = "Messages to customers: placed once per occasion, decided by the contact "
        + "rules, sent, suppressed or failed")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CareMessageResource {

    /** A message to place: which template, for which customer, for what occasion, with the template's own values. */
    public record PlaceRequest(@NotNull UUID customerId, @NotBlank String templateCode,
            @NotBlank @Size(max = 100) @Pattern(regexp = "[\\p{L}\\p{N}:._-]+",
                    message = "letters, digits and : . _ - (an appointment's id, say)") String occasion,
            Map<@NotBlank String, @NotNull @Size(max = 200) String> values) {
    }

    /** What the provider reports about a message it took. */
    public record ReceiptRequest(@NotNull Receipt status, @Size(max = 200) String error, java.time.Instant at) {
    }

    /** DELIVERED to the handset, or UNDELIVERED (with the provider's reason). */
    public enum Receipt {
        DELIVERED, UNDELIVERED
    }

    private final Outreach outreach;
    private final SecurityIdentity identity;

    CareMessageResource(Outreach outreach, SecurityIdentity identity) {
        this.outreach = outreach;
        this.identity = identity;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Place a message from a template (an appointment notice, say)",
            description = "Once per customer and occasion: placing it again answers the message placed first. "
                    + "Within a second the contact rules decide it (sent, waiting for an allowed moment, or "
                    + "suppressed with the rule named); its status is here. An account manager reaches their own "
                    + "customers only.")
    @APIResponse(responseCode = "202", description = "Placed (or placed before): the message as it stands")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response place(@NotNull @Valid PlaceRequest request) {
        return Response.accepted(outreach.place(request.customerId(), request.templateCode(), request.occasion(),
                request.values() == null ? Map.of() : request.values(), Access.of(identity))).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "A customer's messages, newest first",
            description = "Masked roles see neither the text nor the full address.")
    @APIResponse(responseCode = "200", description = "A page of messages")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Page<MessageView> ofCustomer(@QueryParam("customerId") UUID customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        if (customerId == null) {
            throw new InvalidInputException("customerId", "is required");
        }
        return outreach.ofCustomer(customerId, PageRequest.of(page, size), Access.of(identity));
    }

    @POST
    @Path("/{id}/receipts")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.INTEGRATION })
    @Operation(summary = "A delivery receipt from the provider (through its bridge, with an INTEGRATION token)",
            description = "Only for a SENT message; the same receipt twice changes nothing, a different one is 409.")
    @APIResponse(responseCode = "200", description = "The message with its receipt")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public MessageView receipt(@PathParam("id") UUID id, @NotNull @Valid ReceiptRequest request) {
        return outreach.receipt(id, request.status().name(), request.error(), request.at(), Access.of(identity));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.AGENT, Roles.ANALYST })
    @Operation(summary = "One message: its status, the rule that held it back or the error, what was sent")
    @APIResponse(responseCode = "200", description = "The message")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public MessageView get(@PathParam("id") UUID id) {
        return outreach.get(id, Access.of(identity));
    }
}
