package fr.cnfs.applications.domain;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.reconciliation.CampaignFigures;
import fr.cnfs.plumbing.reconciliation.CampaignFiguresSource;

/** What applications knows of a campaign: the post ids its approvals granted. Contracts are not its business. */
@ApplicationScoped
@Transactional(TxType.SUPPORTS)
public class GrantedPostQueries implements CampaignFiguresSource {

    private final EntityManager entityManager;

    GrantedPostQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public CampaignFigures figuresOf(UUID campaignId) {
        List<UUID> posts = CampaignFiguresSource.idsOf(entityManager, """
                SELECT gp.post_id FROM granted_post gp JOIN application a ON a.id = gp.application_id
                WHERE a.campaign_id = ?1 ORDER BY gp.post_id""", campaignId);
        return new CampaignFigures("applications-service", campaignId, posts, List.of());
    }
}
