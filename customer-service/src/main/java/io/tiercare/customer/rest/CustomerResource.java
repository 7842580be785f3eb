package io.tiercare.customer.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import com.fasterxml.jackson.databind.JsonNode;

import io.tiercare.chassis.http.Problem;
import io.tiercare.chassis.paging.Page;
import io.tiercare.chassis.paging.PageRequest;
import io.tiercare.chassis.security.CurrentCaller;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.repository.CustomerSearch;
import io.tiercare.customer.rest.dto.AccountManagerRequest;
import io.tiercare.customer.rest.dto.PreferencesRequest;
import io.tiercare.customer.rest.dto.RegisterCustomerRequest;
import io.tiercare.customer.service.CustomerCsv;
import io.tiercare.customer.service.CustomerService;
import io.tiercare.customer.service.CustomerView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customer records (客户档案)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CustomerResource {

    static final String WRITERS_ROLES = "ADMIN,SUPERVISOR,AGENT,ACCOUNT_MANAGER,INTEGRATION";

    private final CustomerService service;
    private final CurrentCaller caller;
    private final CustomerPatchReader patches;

    CustomerResource(CustomerService service, CurrentCaller caller, CustomerPatchReader patches) {
        this.service = service;
        this.caller = caller;
        this.patches = patches;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Register a customer", description = "Publishes tiercare.customer.registered.v2 and, on customer.personal-data, "
            + "tiercare.customer.personal-data.v1. "
            + "An ACCOUNT_MANAGER registering a customer is assigned to it.")
    @APIResponse(responseCode = "201", description = "Created; Location names the new customer, ETag its version",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", description = "The phone or email belongs to another live customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull RegisterCustomerRequest body) {
        CustomerView created = service.register(caller.get(), body.toCommand());
        return Response.created(URI.create("/api/v1/customers/" + created.id()))
                .tag(ETags.of(created.version())).entity(created).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Read a customer", description = "A merged id answers with the surviving record. Phone and "
            + "email masked, birthday and address withheld for ANALYST and INTEGRATION; unmasked reads are audited.")
    @APIResponse(responseCode = "200", description = "The customer; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", description = "The customer's personal data was erased",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CustomerView customer = service.get(caller.get(), id);
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ MediaType.APPLICATION_JSON, "application/merge-patch+json" })
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Change fields of a customer record",
            description = "JSON merge patch: only the fields named change, null clears one. Requires If-Match with "
                    + "the ETag of the last read. Publishes tiercare.customer.updated.v2 when something changed (and "
                    + "tiercare.customer.personal-data.v1 when a personal field did).")
    @APIResponse(responseCode = "200", description = "The record after the change; ETag carries the new version",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", description = "Invalid or unknown field, named in violations",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", description = "Phone or email taken, or the record is no longer live",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "412", description = "If-Match is stale: someone changed the record meanwhile",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "428", description = "If-Match is missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(@PathParam("id") UUID id,
            @Parameter(description = "The ETag of the last read, e.g. \"3\"") @HeaderParam("If-Match") String ifMatch,
            JsonNode body) {
        long expected = ETags.requiredVersion(ifMatch);
        CustomerView updated = service.update(caller.get(), id, expected, patches.read(body));
        return Response.ok(updated).tag(ETags.of(updated.version())).build();
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "List and search customers",
            description = "Newest first. An ACCOUNT_MANAGER sees only the customers assigned to them.")
    @APIResponse(responseCode = "200", description = "A page of customers")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Page<CustomerView> list(@BeanParam CustomerFilters filters,
            @QueryParam("page") @Parameter(description = "0-based") Integer page,
            @QueryParam("size") @Parameter(description = "1–200, default 20") Integer size) {
        return service.list(caller.get(), filters.toSearch(), PageRequest.of(page, size));
    }

    @GET
    @Path("/export")
    @Produces("text/csv")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Export customers as CSV", description = "The same filters as the list; UTF-8 with a BOM "
            + "(opens in spreadsheet programs), the import's columns plus id, status and createdAt. Masked for "
            + "ANALYST; unmasked exports are audited per customer.")
    @APIResponse(responseCode = "200", description = "The CSV file", content = @Content(mediaType = "text/csv"))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public Response export(@BeanParam CustomerFilters filters) {
        CustomerSearch search = filters.toSearch();
        var self = caller.get();
        StreamingOutput body = out -> {
            var writer = new java.io.BufferedWriter(new java.io.OutputStreamWriter(out,
                    java.nio.charset.StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            CustomerCsv.writeHeader(writer);
            service.export(self, search, page -> {
                try {
                    for (CustomerView customer : page) {
                        CustomerCsv.writeRow(writer, customer);
                    }
                    writer.flush();
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"customers.csv\"").build();
    }

    @PUT
    @Path("/{id}/account-manager")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Assign the customer's account manager (客户经理)",
            description = "Publishes tiercare.customer.account-manager-assigned.v1 when it changes")
    @APIResponse(responseCode = "200", description = "The customer after the change",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response assignAccountManager(@PathParam("id") UUID id, @Valid @NotNull AccountManagerRequest body) {
        CustomerView customer = service.assignAccountManager(caller.get(), id, body.accountManagerId());
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }

    @PUT
    @Path("/{id}/preferences")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.INTEGRATION })
    @Operation(summary = "Set contact preferences",
            description = "Preferred channel, contact time windows, do-not-disturb. Publishes "
                    + "tiercare.customer.preferences-changed.v1 when they change")
    @APIResponse(responseCode = "200", description = "The customer after the change",
            content = @Content(schema = @Schema(implementation = CustomerView.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Response changePreferences(@PathParam("id") UUID id, @Valid @NotNull PreferencesRequest body) {
        CustomerView customer = service.changePreferences(caller.get(), id, body.preferredChannel(), body.windows(),
                body.doNotDisturb());
        return Response.ok(customer).tag(ETags.of(customer.version())).build();
    }
}
