package io.tiercare.customer.rest;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.chassis.problem.Problem;
import io.tiercare.chassis.security.Roles;
import io.tiercare.customer.rest.dto.CustomerResponse;
import io.tiercare.customer.rest.dto.RegisterCustomerRequest;
import io.tiercare.customer.service.CustomerService;
import io.tiercare.customer.service.CustomerService.RegisterCustomer;
import io.tiercare.customer.service.CustomerView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

@Path("/api/v1/customers")
@Tag(name = "Customers", description = "Customer records (客户档案)")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class CustomerResource {

    private final CustomerService service;
    private final SecurityIdentity identity;

    CustomerResource(CustomerService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.INTEGRATION })
    @Operation(summary = "Register a customer", description = "Publishes tiercare.customer.registered.v1")
    @APIResponse(responseCode = "201", description = "Created; Location names the new customer",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid body; violations name each field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "409", description = "The mobile phone belongs to another customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response register(@Valid @NotNull RegisterCustomerRequest body) {
        CustomerView created = service.register(new RegisterCustomer(body.type(), body.name(), body.mobilePhone()));
        return Response.created(URI.create("/api/v1/customers/" + created.id()))
                .tag(etag(created)).entity(CustomerResponse.from(created)).build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ANALYST, Roles.INTEGRATION })
    @Operation(summary = "Read a customer", description = "Phone masked for ANALYST and INTEGRATION")
    @APIResponse(responseCode = "200", description = "The customer; ETag carries its version",
            content = @Content(schema = @Schema(implementation = CustomerResponse.class)))
    @APIResponse(responseCode = "400", description = "The id is not a UUID",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Role not allowed")
    @APIResponse(responseCode = "404", description = "No such customer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        CustomerView customer = service.get(id, seesMaskedData());
        return Response.ok(CustomerResponse.from(customer)).tag(etag(customer)).build();
    }

    /** Roles that read personal data only masked (domain.md §2): unless the caller also holds a role that needs it. */
    private boolean seesMaskedData() {
        return !(identity.hasRole(Roles.ADMIN) || identity.hasRole(Roles.SUPERVISOR) || identity.hasRole(Roles.AGENT));
    }

    private static EntityTag etag(CustomerView customer) {
        return new EntityTag(Long.toString(customer.version()));
    }
}
