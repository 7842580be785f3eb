package io.tiercare.care.rest;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.CareChannel;
import io.tiercare.care.domain.MessageTemplate;
import io.tiercare.care.domain.OutreachKind;
import io.tiercare.care.service.MessageTemplates;
import io.tiercare.care.service.MessageTemplates.Preview;
import io.tiercare.care.service.MessageTemplates.TemplateVersion;
import io.tiercare.care.service.MessageTemplates.Versions;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/message-templates")
@Tag(name = "Message templates", description = "The texts of greetings, offers, notices and follow-ups, as data")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class MessageTemplateResource {

    /** A template as an operator writes it; the code is the path's. */
    public record TemplateRequest(@NotNull OutreachKind kind, @NotNull CareChannel channel, String subject,
            @NotNull String body, String smsSignName, String smsTemplateCode,
            @NotBlank @Size(max = 500) String note) {
    }

    /** For whom to render, and the values only the caller knows (an appointment's date and time, say). */
    public record PreviewRequest(@NotNull UUID customerId,
            Map<@NotBlank String, @NotNull @Size(max = 200) String> values) {
    }

    private final MessageTemplates templates;
    private final SecurityIdentity identity;

    MessageTemplateResource(MessageTemplates templates, SecurityIdentity identity) {
        this.templates = templates;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Every template in its newest version, by code")
    @APIResponse(responseCode = "200", description = "The templates")
    public Versions list() {
        return templates.current();
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "A template's newest version, with the placeholders it uses")
    @APIResponse(responseCode = "200", description = "The template")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public TemplateVersion get(@PathParam("code") String code) {
        return templates.current(code);
    }

    @GET
    @Path("/{code}/versions")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ANALYST })
    @Operation(summary = "Every version of a template, newest first, with author and note")
    @APIResponse(responseCode = "200", description = "The versions")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Versions versions(@PathParam("code") String code) {
        return templates.versions(code);
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Create a template or store its next version, checked whole",
            description = "Placeholders use Qute's syntax ({customer.salutation}, {#if offer}…{/if}); each kind "
                    + "knows its own. An unknown placeholder or a syntax error is a 400 naming each; an SMS needs "
                    + "the provider's approved signature and template code, an email its subject. A template keeps "
                    + "its kind. Messages already placed keep the version they used.")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public TemplateVersion change(@PathParam("code") String code, @NotNull @Valid TemplateRequest request) {
        return templates.change(new MessageTemplate(code, request.kind(), request.channel(), request.subject(),
                request.body(), request.smsSignName(), request.smsTemplateCode()), request.note().strip(),
                identity.getPrincipal().getName());
    }

    @POST
    @Path("/{code}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "The template rendered for one customer (称呼 from their name and gender), changes nothing")
    @APIResponse(responseCode = "200", description = "The text as the customer would read it")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public Preview preview(@PathParam("code") String code, @NotNull @Valid PreviewRequest request) {
        return templates.preview(code, request.customerId(), request.values());
    }
}
