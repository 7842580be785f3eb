package io.tiercare.care.rest;

import java.time.LocalTime;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.security.identity.SecurityIdentity;
import io.tiercare.care.domain.ContactRules;
import io.tiercare.care.service.ContactRuleVersions;
import io.tiercare.care.service.ContactRuleVersions.History;
import io.tiercare.care.service.ContactRuleVersions.RulesVersion;
import io.tiercare.chassis.security.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

@Path("/api/v1/contact-rules")
@Tag(name = "Contact rules", description = "The contact budget and quiet hours every message passes")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class ContactRulesResource {

    /** The rules as an operator sets them. */
    public record RulesRequest(@NotNull Integer monthlyBudget, @NotNull LocalTime quietFrom,
            @NotNull LocalTime quietTo, @NotBlank @Size(max = 500) String note) {
    }

    private final ContactRuleVersions rules;
    private final SecurityIdentity identity;

    ContactRulesResource(ContactRuleVersions rules, SecurityIdentity identity) {
        this.rules = rules;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "Every version, newest first")
    @APIResponse(responseCode = "200", description = "The versions")
    public History history() {
        return rules.history();
    }

    @GET
    @Path("/current")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.ACCOUNT_MANAGER, Roles.ANALYST })
    @Operation(summary = "The rules in force: contacts a customer may receive a month, quiet hours")
    @APIResponse(responseCode = "200", description = "The current version")
    public RulesVersion current() {
        return rules.current();
    }

    @PUT
    @Path("/current")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN })
    @Operation(summary = "Change the rules: checked whole, stored as the next version; messages not yet sent are "
            + "decided by the new rules")
    @APIResponse(responseCode = "200", description = "The new version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public RulesVersion change(@NotNull @Valid RulesRequest request) {
        return rules.change(new ContactRules(request.monthlyBudget(), request.quietFrom(), request.quietTo()),
                request.note().strip(), identity.getPrincipal().getName());
    }
}
