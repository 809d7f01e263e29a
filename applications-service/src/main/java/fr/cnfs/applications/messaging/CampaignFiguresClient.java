package fr.cnfs.applications.messaging;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import fr.cnfs.contracts.reconciliation.CampaignFigures;

/** The reconciliation figures every service publishes over HTTP; one client per service, built with its URL. */
@Path("/admin/reconciliation")
public interface CampaignFiguresClient {

    @GET
    @Path("/campaigns/{campaignId}")
    CampaignFigures figures(@PathParam("campaignId") UUID campaignId, @HeaderParam("Authorization") String authorization);
}
