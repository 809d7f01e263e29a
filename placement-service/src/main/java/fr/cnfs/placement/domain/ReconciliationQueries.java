package fr.cnfs.placement.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.reconciliation.CampaignFigures;
import fr.cnfs.plumbing.reconciliation.CampaignFiguresSource;

/** What placement knows of a campaign: its posts and the contracts finalized on them. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class ReconciliationQueries implements CampaignFiguresSource {

    private final EntityManager entityManager;

    ReconciliationQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public CampaignFigures figuresOf(UUID campaignId) {
        List<UUID> posts = CampaignFiguresSource.idsOf(entityManager,
                "SELECT id FROM post WHERE campaign_id = ?1 ORDER BY id", campaignId);
        List<UUID> contracts = CampaignFiguresSource.idsOf(entityManager, """
                SELECT c.id FROM contract c JOIN post p ON p.id = c.post_id
                WHERE p.campaign_id = ?1 AND c.started_at IS NOT NULL ORDER BY c.id""", campaignId);
        return new CampaignFigures("placement-service", campaignId, posts, contracts);
    }
}
