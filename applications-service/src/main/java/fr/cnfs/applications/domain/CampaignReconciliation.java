package fr.cnfs.applications.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import fr.cnfs.contracts.reconciliation.CampaignFigures;

/**
 * The three services' books of a campaign, compared: every granted post is known to placement and funded by
 * funding, and every contract placement finalized has its occupation in funding. Events in flight show as
 * differences until they are applied; a difference that stays is a defect.
 */
public record CampaignReconciliation(
        UUID campaignId,
        boolean clean,
        int postsGranted,
        int postsInPlacement,
        int postFundings,
        int contractsFinalized,
        int contractsWithOccupation,
        List<Difference> differences) {

    public enum Kind {
        GRANTED_POST_UNKNOWN_TO_PLACEMENT,
        PLACEMENT_POST_NOT_GRANTED,
        GRANTED_POST_NOT_FUNDED,
        FUNDED_POST_NOT_GRANTED,
        FINALIZED_CONTRACT_WITHOUT_OCCUPATION,
        OCCUPATION_OF_UNKNOWN_CONTRACT
    }

    public record Difference(Kind kind, UUID id) {
    }

    public static CampaignReconciliation of(UUID campaignId, CampaignFigures applications, CampaignFigures placement,
            CampaignFigures funding) {
        List<Difference> differences = new ArrayList<>();
        missing(applications.postIds(), placement.postIds(), Kind.GRANTED_POST_UNKNOWN_TO_PLACEMENT, differences);
        missing(placement.postIds(), applications.postIds(), Kind.PLACEMENT_POST_NOT_GRANTED, differences);
        missing(applications.postIds(), funding.postIds(), Kind.GRANTED_POST_NOT_FUNDED, differences);
        missing(funding.postIds(), applications.postIds(), Kind.FUNDED_POST_NOT_GRANTED, differences);
        missing(placement.contractIds(), funding.contractIds(), Kind.FINALIZED_CONTRACT_WITHOUT_OCCUPATION, differences);
        missing(funding.contractIds(), placement.contractIds(), Kind.OCCUPATION_OF_UNKNOWN_CONTRACT, differences);
        return new CampaignReconciliation(campaignId, differences.isEmpty(), applications.postIds().size(),
                placement.postIds().size(), funding.postIds().size(), placement.contractIds().size(),
                funding.contractIds().size(), List.copyOf(differences));
    }

    private static void missing(List<UUID> expected, List<UUID> actual, Kind kind, List<Difference> differences) {
        Set<UUID> present = new TreeSet<>(actual);
        for (UUID id : new TreeSet<>(expected)) {
            if (!present.contains(id)) {
                differences.add(new Difference(kind, id));
            }
        }
    }
}
