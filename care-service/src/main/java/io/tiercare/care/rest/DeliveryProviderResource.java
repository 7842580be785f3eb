package io.tiercare.care.rest;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.service.DeliveryProviders;
import io.tiercare.care.service.DeliveryProviders.ProviderView;
import io.tiercare.care.service.DeliveryProviders.Providers;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/delivery-providers")
@Tag(name = "Delivery providers", description = "Where SMS and WeChat messages go: a provider's signed webhook")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.ADMIN })
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class DeliveryProviderResource {

    /** The provider's webhook URL, the secret that signs each request, and how long to wait for its answer. */
    public record ProviderRequest(@NotBlank String url, @NotNull String secret, @NotNull Integer timeoutMs) {
    }

    private final DeliveryProviders providers;
    private final SecurityIdentity identity;

    DeliveryProviderResource(DeliveryProviders providers, SecurityIdentity identity) {
        this.providers = providers;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The providers configured (secrets shown by their last four characters only)")
    @APIResponse(responseCode = "200", description = "The providers")
    public Providers all() {
        return providers.all();
    }

    @PUT
    @Path("/{channel}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the webhook of SMS or WECHAT",
            description = "The URL must be https to a public host: loopback, private, link-local and metadata "
                    + "addresses are refused (hosts allowed for local use excepted: "
                    + "tiercare.care.webhooks.allowed-private-hosts). Checked again before every call.")
    @APIResponse(responseCode = "200", description = "The provider as stored")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public ProviderView save(@PathParam("channel") CareChannel channel, @NotNull @Valid ProviderRequest request) {
        return providers.save(channel, request.url().strip(), request.secret(), request.timeoutMs(),
                identity.getPrincipal().getName());
    }

    @DELETE
    @Path("/{channel}")
    @Operation(summary = "Remove a channel's provider: its messages then fail with the reason")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public void delete(@PathParam("channel") CareChannel channel) {
        providers.delete(channel);
    }
}
