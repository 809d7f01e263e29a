package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import fr.cnfs.plumbing.problem.BusinessRuleException;

class CampaignTest {

    private static final LocalDate OPENS = LocalDate.of(2021, 1, 15);
    private static final LocalDate CLOSES = LocalDate.of(2021, 3, 31);

    @Test
    void aCampaignIsOpenFromItsFirstToItsLastDayIncluded() {
        assertEquals(CampaignStatus.UPCOMING, CampaignStatus.on(OPENS.minusDays(1), OPENS, CLOSES));
        assertEquals(CampaignStatus.OPEN, CampaignStatus.on(OPENS, OPENS, CLOSES));
        assertEquals(CampaignStatus.OPEN, CampaignStatus.on(CLOSES, OPENS, CLOSES));
        assertEquals(CampaignStatus.CLOSED, CampaignStatus.on(CLOSES.plusDays(1), OPENS, CLOSES));
    }

    @Test
    void grantingTakesFromTheQuotaAndRefusesWhatWouldExceedIt() {
        Campaign campaign = new Campaign();
        campaign.name = "AMI test";
        campaign.postQuota = 10;
        campaign.grant(7);
        campaign.grant(3);
        assertEquals(10, campaign.postsGranted);
        assertEquals(0, campaign.postsRemaining());
        var refusal = assertThrows(BusinessRuleException.class, () -> campaign.grant(1));
        assertEquals("quota-exceeded", refusal.kind());
        assertEquals(10, campaign.postsGranted, "a refused grant changes nothing");
    }
}
