package fr.cnfs.plumbing.reconciliation;

import java.util.List;
import java.util.UUID;

import jakarta.persistence.EntityManager;

import fr.cnfs.contracts.reconciliation.CampaignFigures;

/** Implemented by each service: what it knows of a campaign, read from its own database. */
public interface CampaignFiguresSource {

    CampaignFigures figuresOf(UUID campaignId);

    /** The ids a native query selects for the campaign, bound as its parameter {@code ?1}. */
    static List<UUID> idsOf(EntityManager entityManager, String sql, UUID campaignId) {
        return entityManager.createNativeQuery(sql, UUID.class).setParameter(1, campaignId).getResultList();
    }
}
