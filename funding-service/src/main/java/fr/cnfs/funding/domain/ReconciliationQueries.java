package fr.cnfs.funding.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.reconciliation.CampaignFigures;
import fr.cnfs.plumbing.reconciliation.CampaignFiguresSource;

/** What funding knows of a campaign: its post fundings and the contracts it records occupation for. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ReconciliationQueries implements CampaignFiguresSource {

    private final EntityManager entityManager;

    ReconciliationQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public CampaignFigures figuresOf(UUID campaignId) {
        List<UUID> posts = CampaignFiguresSource.idsOf(entityManager, """
                SELECT pf.post_id FROM post_funding pf JOIN grant_award g ON g.id = pf.grant_id
                WHERE g.campaign_id = ?1 ORDER BY pf.post_id""", campaignId);
        List<UUID> contracts = CampaignFiguresSource.idsOf(entityManager, """
                SELECT pc.contract_id FROM post_contract pc JOIN post_funding pf ON pf.post_id = pc.post_id
                JOIN grant_award g ON g.id = pf.grant_id WHERE g.campaign_id = ?1 ORDER BY pc.contract_id""", campaignId);
        return new CampaignFigures("funding-service", campaignId, posts, contracts);
    }
}
