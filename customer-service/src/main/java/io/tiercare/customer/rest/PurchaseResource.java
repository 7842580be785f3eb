package io.tiercare.customer.rest;

import java.net.URI;
import java.util.UUID;
import java.util.concurrent.CompletionStage;

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
import io.tiercare.customer.rest.dto.RecordPurchaseRequest;
import io.tiercare.customer.rest.dto.RecordRefundRequest;
import io.tiercare.customer.service.PurchaseRecording;
import io.tiercare.customer.service.PurchaseService;
import io.tiercare.customer.service.PurchaseService.Recorded;
import io.tiercare.customer.service.PurchaseSummary;
import io.tiercare.customer.service.PurchaseView;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/customers/{customerId}")
@Tag(name = "Purchases", description = "What customers bought, refunds, and the purchase summary")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
@APIResponse(responseCode = "404", ref = "NotFound")
@APIResponse(responseCode = "410", ref = "Gone")
public class PurchaseResource {

    private final PurchaseService service;
    private final PurchaseRecording recording;
    private final CurrentCaller caller;

    PurchaseResource(PurchaseService service, PurchaseRecording recording, CurrentCaller caller) {
        this.service = service;
        this.recording = recording;
        this.caller = caller;
    }

    @POST
    @Path("/purchases")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Record a purchase", description = "Publishes tiercare.customer.purchase-recorded.v1. "
            + "The same externalOrderId again returns the first record (200) and publishes nothing.")
    @APIResponse(responseCode = "201", description = "Recorded",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(responseCode = "200", description = "This order was recorded before: the first record",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(responseCode = "400", description = "Invalid body (amount ≤ 0, more than 2 decimals, future "
            + "time, currency other than CNY)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The order id was recorded for another customer or amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CompletionStage<Response> record(@PathParam("customerId") UUID customerId,
            @Valid @NotNull RecordPurchaseRequest body) {
        // Answered on the request's event loop: the request waits for its group commit without holding a thread,
        // and its answer is written where the request lives, not on the writer that committed it.
        Context request = Vertx.currentContext();
        return recording.record(caller.get(), customerId, body.toCommand())
                .thenApplyAsync(PurchaseResource::created, task -> request.runOnContext(ignored -> task.run()));
    }

    @GET
    @Path("/purchases")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "List a customer's purchases", description = "Newest first, each with its refunds")
    @APIResponse(responseCode = "200", description = "A page of purchases")
    public Page<PurchaseView> list(@PathParam("customerId") UUID customerId, @QueryParam("page") Integer page,
            @QueryParam("size") Integer size) {
        return service.list(caller.get(), customerId, PageRequest.of(page, size));
    }

    @GET
    @Path("/purchases/{purchaseId}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Read one purchase with its refunds")
    @APIResponse(responseCode = "200", description = "The purchase",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)))
    public PurchaseView get(@PathParam("customerId") UUID customerId, @PathParam("purchaseId") UUID purchaseId) {
        return service.get(caller.get(), customerId, purchaseId);
    }

    @POST
    @Path("/purchases/{purchaseId}/refunds")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Record a refund on a purchase",
            description = "Refunds of an order never exceed its amount. Publishes "
                    + "tiercare.customer.purchase-refunded.v1; the same externalRefundId again returns the purchase "
                    + "as it is (200) and publishes nothing.")
    @APIResponse(responseCode = "201", description = "Recorded; the purchase with its refunds",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(responseCode = "200", description = "This refund was recorded before",
            content = @Content(schema = @Schema(implementation = PurchaseView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "More than is left of the order, or the refund id was used "
            + "for another order or amount",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response refund(@PathParam("customerId") UUID customerId, @PathParam("purchaseId") UUID purchaseId,
            @Valid @NotNull RecordRefundRequest body) {
        return created(service.refund(caller.get(), customerId, purchaseId, body.toCommand()));
    }

    @GET
    @Path("/purchase-summary")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Purchase count, total and trailing-12-month spend, average order value, first and last "
            + "purchase", description = "Amounts are net of refunds")
    @APIResponse(responseCode = "200", description = "The summary",
            content = @Content(schema = @Schema(implementation = PurchaseSummary.class)))
    public PurchaseSummary summary(@PathParam("customerId") UUID customerId) {
        return service.summary(caller.get(), customerId);
    }

    private static Response created(Recorded<PurchaseView> recorded) {
        PurchaseView purchase = recorded.value();
        if (!recorded.created()) {
            return Response.ok(purchase).build();
        }
        return Response.created(URI.create("/api/v1/customers/" + purchase.customerId() + "/purchases/"
                + purchase.id())).entity(purchase).build();
    }
}
