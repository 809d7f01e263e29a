package fr.cnfs.applications.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.Campaign;
import fr.cnfs.applications.domain.CampaignStatus;
import fr.cnfs.applications.domain.ContractDurationRules;
import fr.cnfs.applications.domain.StructureCategory;

@Schema(name = "Campaign", description = "An AMI wave and the live use of its quota")
public record CampaignView(
        UUID id,
        String name,
        LocalDate opensOn,
        LocalDate closesOn,
        @Schema(description = "UPCOMING, OPEN or CLOSED today (French calendar)") CampaignStatus status,
        int postQuota,
        @Schema(description = "Posts granted by approvals so far") int postsGranted,
        @Schema(description = "postQuota - postsGranted") int postsRemaining,
        List<StructureCategory> eligibleCategories,
        String fundingPhase,
        @Schema(description = "Contract durations, in months, an application may ask for, per eligible category")
        Map<StructureCategory, MonthRange> contractMonths,
        int recruitmentDeadlineMonths,
        Instant createdAt,
        long version) {

    @Schema(name = "MonthRange")
    public record MonthRange(int min, int max) {
    }

    static CampaignView of(Campaign campaign, LocalDate today, ContractDurationRules durations) {
        Map<StructureCategory, MonthRange> months = new TreeMap<>();
        if (durations.knowsPhase(campaign.fundingPhase)) {
            for (StructureCategory category : campaign.eligibleCategories) {
                var bounds = durations.boundsOf(campaign.fundingPhase, category);
                months.put(category, new MonthRange(bounds.min(), bounds.max()));
            }
        }
        return new CampaignView(campaign.id, campaign.name, campaign.opensOn, campaign.closesOn,
                campaign.statusOn(today), campaign.postQuota, campaign.postsGranted, campaign.postsRemaining(),
                campaign.eligibleCategories.stream().sorted().toList(), campaign.fundingPhase, months,
                campaign.recruitmentDeadlineMonths, campaign.createdAt, campaign.version);
    }
}
