package fr.cnfs.plumbing.reconciliation;

import java.util.UUID;

import fr.cnfs.contracts.reconciliation.CampaignFigures;

/** Implemented by each service: what it knows of a campaign, read from its own database. */
public interface CampaignFiguresSource {

    CampaignFigures figuresOf(UUID campaignId);
}
