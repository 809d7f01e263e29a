package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.funding.domain.GrantService;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/grants")
@Tag(name = "Grants", description = "Subventions awarded to approved applications")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "jwt")
public class GrantResource {

    private final GrantService service;
    private final Caller caller;

    GrantResource(GrantService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "List grants", description = "Paged; a structure sees only its own grants.")
    @APIResponse(responseCode = "200", description = "A page of grants")
    @APIResponse(responseCode = "400", description = "Invalid paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class)))
    public PageOf<GrantView> list(@QueryParam("applicationId") UUID applicationId, @Valid @BeanParam PageRequest page) {
        String siret = caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN)
                ? caller.siret().orElse("-") : null;
        return service.list(applicationId, siret, page, GrantView::of);
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(summary = "Get a grant with its post fundings")
    @APIResponse(responseCode = "200", description = "The grant", content = @Content(schema = @Schema(implementation = GrantView.class)))
    @APIResponse(responseCode = "404", description = "No such grant, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = """
                    {"type": "urn:cnfs:problem:not-found", "title": "Resource not found", "status": 404,
                     "detail": "Grant 5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11 not found", "instance": "/grants/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11"}""")))
    public GrantView get(@PathParam("id") UUID id) {
        var grant = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Grant", id));
        caller.requireOwnSiretIfStructure(grant.siret, "Grant", id);
        return GrantView.of(grant);
    }
}
