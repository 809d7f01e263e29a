package fr.cnfs.plumbing.reconciliation;

import static jakarta.ws.rs.core.MediaType.APPLICATION_JSON;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import fr.cnfs.contracts.reconciliation.CampaignFigures;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Roles;

/** The same operation in every service, so that a campaign can be reconciled across the three. */
@Path("/admin/reconciliation")
@Tag(name = "Operations", description = "Operator endpoints")
@Produces(APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class ReconciliationFiguresResource {

    private final Instance<CampaignFiguresSource> source;

    ReconciliationFiguresResource(Instance<CampaignFiguresSource> source) {
        this.source = source;
    }

    @GET
    @Path("/campaigns/{campaignId}")
    @Operation(operationId = "getCampaignFigures", summary = "What this service knows of a campaign",
            description = "Its posts (applications: granted; placement: opened; funding: funded) and its contracts "
                    + "(placement: finalized; funding: with an occupation). An unknown campaign has empty lists.")
    @APIResponse(responseCode = "200", description = "The figures", content = @Content(
            schema = @Schema(implementation = CampaignFigures.class), examples = @ExampleObject(name = "figures", value = """
                    {"service": "placement-service", "campaignId": "7c9e6679-7425-40de-944b-e07fc1f90ae7",
                     "postIds": ["0b6f8a8e-2a43-4a5e-9f7e-3f0e0a6f8d21"],
                     "contractIds": ["7d5e2c1a-3b4f-4e6a-8c9d-0e1f2a3b4c5d"]}""")))
    public CampaignFigures figures(@PathParam("campaignId") UUID campaignId) {
        if (!source.isResolvable()) {
            throw new ResourceNotFoundException("Reconciliation figures of campaign", campaignId);
        }
        return source.get().figuresOf(campaignId);
    }
}
