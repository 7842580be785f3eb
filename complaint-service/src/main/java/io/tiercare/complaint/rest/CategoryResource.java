package io.tiercare.complaint.rest;

import java.net.URI;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.tiercare.chassis.paging.Items;
import io.tiercare.chassis.security.Roles;
import io.tiercare.complaint.repository.CategoryRepository.Category;
import io.tiercare.complaint.rest.dto.CategoryRequest;
import io.tiercare.complaint.rest.dto.CategoryUpdate;
import io.tiercare.complaint.rest.dto.CategoryView;
import io.tiercare.complaint.service.CategoryService;
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

@Path("/api/v1/complaint-categories")
@Tag(name = "Complaint taxonomy", description = "Categories: a tree per taxonomy (RETAIL, UTILITY_95598, …)")
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", ref = "Unauthorized")
@APIResponse(responseCode = "403", ref = "Forbidden")
public class CategoryResource {

    private final CategoryService categories;

    CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "Categories by taxonomy and code; each names its parent (null: top level)")
    @APIResponse(responseCode = "200", description = "The categories")
    public Items<CategoryView> list(@QueryParam("taxonomy") String taxonomy, @QueryParam("active") Boolean active) {
        return Items.of(categories.list(taxonomy, active).stream().map(CategoryView::of).toList());
    }

    @GET
    @Path("/{code}")
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR, Roles.AGENT, Roles.ACCOUNT_MANAGER, Roles.ANALYST,
            Roles.INTEGRATION })
    @Operation(summary = "One category")
    @APIResponse(responseCode = "200", description = "The category")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public CategoryView get(@PathParam("code") String code) {
        return CategoryView.of(categories.get(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Add a category (under a parent of the same taxonomy, or at the top of a taxonomy)")
    @APIResponse(responseCode = "201", description = "Added")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "409", ref = "Conflict")
    public Response create(@NotNull @Valid CategoryRequest request) {
        Category created = categories.create(new Category(request.code(), request.taxonomy(), request.parentCode(),
                request.nameZh(), request.nameEn(), request.description(),
                request.active() == null || request.active(), 0));
        return Response.created(URI.create("/api/v1/complaint-categories/" + created.code())).entity(CategoryView.of(created))
                .build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ Roles.ADMIN, Roles.SUPERVISOR })
    @Operation(summary = "Rename, describe, move within its taxonomy, retire (active=false) or reactivate",
            description = "Retired categories stay on the complaints that use them; new complaints cannot use them.")
    @APIResponse(responseCode = "200", description = "The category after the change")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "412", description = "Changed by someone else since it was read")
    public CategoryView update(@PathParam("code") String code, @NotNull @Valid CategoryUpdate update) {
        return CategoryView.of(categories.update(code, new Category(code, null, update.parentCode(), update.nameZh(),
                update.nameEn(), update.description(), update.active(), update.version()), update.version()));
    }
}
