package fr.cnfs.contracts.reconciliation;

import java.util.List;
import java.util.UUID;

/**
 * What one service knows of a campaign, for reconciliation across services (a synchronous contract, beside the
 * events): the posts it holds and the contracts it counts.
 *
 * @param postIds     placement: the posts opened; funding: the post fundings
 * @param contractIds placement: the contracts finalized (active or ended); funding: the contracts with an occupation
 */
public record CampaignFigures(String service, UUID campaignId, List<UUID> postIds, List<UUID> contractIds) {

    public static final String PATH = "/admin/reconciliation/campaigns/{campaignId}";

    public CampaignFigures {
        postIds = List.copyOf(postIds);
        contractIds = List.copyOf(contractIds);
    }
}
