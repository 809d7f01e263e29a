package fr.cnfs.funding.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.List;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import fr.cnfs.funding.domain.Grant;
import fr.cnfs.funding.domain.GrantService;
import fr.cnfs.funding.domain.GrantService.GrantFilter;
import fr.cnfs.funding.domain.GrantStatement;
import fr.cnfs.funding.domain.GrantStatus;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

@Path("/grants")
@Tag(name = "Grants", description = "Subventions awarded to approved applications, their posts and tranches")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
public class GrantResource {

    private final GrantService service;
    private final Caller caller;

    GrantResource(GrantService service, Caller caller) {
        this.service = service;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "listGrants", summary = "List grants", description = "Paged and filtered; a structure sees only its own grants. Sort: awardedAt, totalAmount, siret.")
    @APIResponse(responseCode = "200", description = "A page of grants", content = @Content(schema = @Schema(implementation = GrantPage.class),
            examples = @ExampleObject(name = "grants", value = "{\"items\": [" + Examples.GRANT + "], \"page\": 0, \"size\": 20, \"totalItems\": 1}")))
    @APIResponse(responseCode = "400", description = "Invalid filter or paging", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "validation", value = Examples.PROBLEM_VALIDATION)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public PageOf<GrantView> list(
            @Parameter(description = "SIRET of the structure") @QueryParam("siret") String siret,
            @QueryParam("applicationId") String applicationId,
            @QueryParam("campaignId") String campaignId,
            @Parameter(description = "AWARDED, ACTIVE or ENDED") @QueryParam("status") String status,
            @Parameter(description = "Département code, e.g. 69 or 971") @QueryParam("departement") String departement,
            @Parameter(description = "METRO, DROM or COM") @QueryParam("zone") String zone,
            @Valid @BeanParam PageRequest page) {
        String ownSiret = caller.hasRole(Roles.STRUCTURE) && !caller.hasRole(Roles.ADMIN) ? caller.siret().orElse("-") : null;
        String wantedSiret = QueryParams.text(siret);
        if (ownSiret != null && wantedSiret != null && !ownSiret.equals(wantedSiret)) {
            wantedSiret = "-"; // another structure's grants: an empty page, not an error that discloses anything
        }
        GrantFilter filter = new GrantFilter(ownSiret != null && wantedSiret == null ? ownSiret : wantedSiret,
                QueryParams.uuid("applicationId", applicationId), QueryParams.uuid("campaignId", campaignId),
                QueryParams.enumValue("status", status, GrantStatus.class), QueryParams.text(departement),
                QueryParams.text(zone));
        var today = service.today();
        return service.list(filter, page, grant -> GrantView.of(service.withPosts(grant), today));
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "getGrant", summary = "Get a grant", description = "With its post fundings, their tranches, contracts and state; the ETag is the version.")
    @APIResponse(responseCode = "200", description = "The grant", content = @Content(schema = @Schema(implementation = GrantView.class),
            examples = @ExampleObject(name = "grant", value = Examples.GRANT)))
    @APIResponse(responseCode = "404", description = "No such grant, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public RestResponse<GrantView> get(@PathParam("id") UUID id) {
        Grant grant = visibleGrant(id);
        return EntityTags.withTag(GrantView.of(grant, service.today(), service.contractsOf(grant)), grant.version);
    }

    @GET
    @Path("/{id}/statement")
    @RolesAllowed({ Roles.STRUCTURE, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.ADMIN })
    @Operation(operationId = "getGrantStatement", summary = "Statement of a grant", description = "Per post and in total: awarded, earned to date, planned, due, paid, cancelled, adjustment, recovered and settled. "
            + "For every post paid + due + planned + cancelled = awarded + adjustment; once closed, paid + due − recovered = earned.")
    @APIResponse(responseCode = "200", description = "The statement", content = @Content(schema = @Schema(implementation = GrantStatement.class),
            examples = @ExampleObject(name = "closed Lyon post", value = Examples.STATEMENT)))
    @APIResponse(responseCode = "404", description = "No such grant, or not yours", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "not found", value = Examples.PROBLEM_NOT_FOUND)))
    @APIResponse(responseCode = "401", description = "No valid token", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "unauthenticated", value = Examples.PROBLEM_UNAUTHENTICATED)))
    @APIResponse(responseCode = "403", description = "Role not allowed", content = @Content(mediaType = Problem.MEDIA_TYPE,
            schema = @Schema(implementation = Problem.class), examples = @ExampleObject(name = "forbidden", value = Examples.PROBLEM_FORBIDDEN)))
    public GrantStatement statement(@PathParam("id") UUID id) {
        return service.statement(visibleGrant(id));
    }

    private Grant visibleGrant(UUID id) {
        Grant grant = service.find(id).orElseThrow(() -> new ResourceNotFoundException("Grant", id));
        caller.requireOwnSiretIfStructure(grant.siret, "Grant", id);
        return grant;
    }

    @Schema(name = "GrantPage", description = "A page of grants")
    public record GrantPage(List<GrantView> items, int page, int size, long totalItems) {
    }
}
