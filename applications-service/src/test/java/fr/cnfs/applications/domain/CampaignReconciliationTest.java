package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.domain.CampaignReconciliation.Difference;
import fr.cnfs.applications.domain.CampaignReconciliation.Kind;
import fr.cnfs.contracts.reconciliation.CampaignFigures;

class CampaignReconciliationTest {

    private final UUID campaign = UUID.randomUUID();
    private final UUID post1 = UUID.randomUUID();
    private final UUID post2 = UUID.randomUUID();
    private final UUID contract = UUID.randomUUID();

    @Test
    void identicalBooksAreClean() {
        var result = CampaignReconciliation.of(campaign, figures(List.of(post1, post2), List.of()),
                figures(List.of(post2, post1), List.of(contract)), figures(List.of(post1, post2), List.of(contract)));
        assertTrue(result.clean());
        assertEquals(2, result.postsGranted());
        assertEquals(1, result.contractsWithOccupation());
    }

    @Test
    void everyKindOfDifferenceIsNamedWithItsId() {
        UUID stray = UUID.randomUUID();
        UUID strayContract = UUID.randomUUID();
        var result = CampaignReconciliation.of(campaign, figures(List.of(post1, post2), List.of()),
                figures(List.of(post1, stray), List.of(contract)), figures(List.of(post2, stray), List.of(strayContract)));
        assertFalse(result.clean());
        assertEquals(List.of(
                new Difference(Kind.GRANTED_POST_UNKNOWN_TO_PLACEMENT, post2),
                new Difference(Kind.PLACEMENT_POST_NOT_GRANTED, stray),
                new Difference(Kind.GRANTED_POST_NOT_FUNDED, post1),
                new Difference(Kind.FUNDED_POST_NOT_GRANTED, stray),
                new Difference(Kind.FINALIZED_CONTRACT_WITHOUT_OCCUPATION, contract),
                new Difference(Kind.OCCUPATION_OF_UNKNOWN_CONTRACT, strayContract)), result.differences());
    }

    private CampaignFigures figures(List<UUID> posts, List<UUID> contracts) {
        return new CampaignFigures("test", campaign, posts, contracts);
    }
}
