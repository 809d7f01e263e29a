package fr.cnfs.applications.api;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.applications.domain.CampaignReconciliation;
import fr.cnfs.applications.domain.CampaignService;
import fr.cnfs.applications.domain.GrantedPostQueries;
import fr.cnfs.applications.messaging.OtherServicesFigures;
import fr.cnfs.plumbing.problem.Problem;
import fr.cnfs.plumbing.security.Roles;

@Path("/campaigns/{id}/reconciliation")
@Tag(name = ApiDocumentation.CAMPAIGNS)
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = ApiDocumentation.BEARER)
public class CampaignReconciliationResource {

    private final CampaignService campaigns;
    private final GrantedPostQueries grantedPosts;
    private final OtherServicesFigures otherServices;

    CampaignReconciliationResource(CampaignService campaigns, GrantedPostQueries grantedPosts,
            OtherServicesFigures otherServices) {
        this.campaigns = campaigns;
        this.grantedPosts = grantedPosts;
        this.otherServices = otherServices;
    }

    @GET
    @RolesAllowed(Roles.ADMIN)
    @Operation(operationId = "reconcileCampaign", summary = "Reconcile a campaign across the three services",
            description = "Posts granted here = posts known to placement = post fundings in funding, and every contract "
                    + "placement finalized has its occupation in funding. Reads the other services' figures with the "
                    + "caller's token. Right after a change, events in flight show as differences for a moment.")
    @APIResponse(responseCode = "200", description = "The comparison", content = @Content(
            schema = @Schema(implementation = CampaignReconciliation.class), examples = @ExampleObject(name = "clean", value = """
                    {"campaignId": "7c9e6679-7425-40de-944b-e07fc1f90ae7", "clean": true, "postsGranted": 8,
                     "postsInPlacement": 8, "postFundings": 8, "contractsFinalized": 9, "contractsWithOccupation": 9,
                     "differences": []}""")))
    @APIResponse(responseCode = "503", description = "placement-service or funding-service did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class),
                    examples = @ExampleObject(name = "unavailable", value = """
                            {"type": "urn:cnfs:problem:dependency-unavailable", "title": "Service unavailable",
                             "status": 503, "detail": "funding-service did not give its figures (ProcessingException); retry later",
                             "instance": "/campaigns/7c9e6679-7425-40de-944b-e07fc1f90ae7/reconciliation"}""")))
    public CampaignReconciliation reconcile(@PathParam("id") UUID id,
            @Parameter(hidden = true) @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization) {
        campaigns.get(id);
        return CampaignReconciliation.of(id, grantedPosts.figuresOf(id), otherServices.placement(id, authorization),
                otherServices.funding(id, authorization));
    }
}
