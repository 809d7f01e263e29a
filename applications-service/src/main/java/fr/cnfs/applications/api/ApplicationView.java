package fr.cnfs.applications.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.AccessScope;
import fr.cnfs.applications.domain.Application;
import fr.cnfs.applications.domain.ApplicationStatus;
import fr.cnfs.applications.domain.FundingFigures;
import fr.cnfs.applications.domain.FundingSummary;
import fr.cnfs.applications.domain.PrefectOpinion;
import fr.cnfs.applications.domain.RejectionReason;
import fr.cnfs.applications.domain.StructureCategory;
import fr.cnfs.applications.domain.StructureType;
import fr.cnfs.territory.TerritoryZone;

@Schema(name = "Application", description = "A candidature, its review and its decision")
public record ApplicationView(
        UUID id,
        StructureSummary structure,
        CampaignSummary campaign,
        int postsRequested,
        int contractMonths,
        LocalDate desiredStartDate,
        String motivation,
        boolean franceServicesLabel,
        ApplicationStatus status,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "When it was first submitted") Instant submittedAt,
        Integer postsGranted,
        String decisionNumber,
        boolean priority,
        String decisionComment,
        RejectionReason rejectionReason,
        Instant decidedAt,
        @Schema(description = "One id per granted post, the same in every service") List<UUID> postIds,
        @Schema(description = "The avis du préfet; never shown to the structure") PrefectOpinionView prefectOpinion,
        @Schema(description = "The grant funding-service awarded; null until it has") UUID grantId,
        @Schema(description = "Grant total in euros; null until funding-service has awarded it") BigDecimal grantedAmount,
        @Schema(description = "Euros paid so far by the tranches; null until the grant") BigDecimal paidAmount,
        @Schema(description = "grantedAmount - paidAmount") BigDecimal remainingAmount,
        @Schema(description = "Also the ETag; send it back in If-Match to update") long version) {

    @Schema(name = "ApplicationStructure", description = "The structure applying, as registered")
    public record StructureSummary(UUID id, String siret, String name, StructureType type, StructureCategory category,
            String communeCode, String departementCode, String regionCode, TerritoryZone territoryZone, boolean qpv,
            boolean zrr) {
    }

    @Schema(name = "ApplicationCampaign")
    public record CampaignSummary(UUID id, String name, String fundingPhase) {
    }

    @Schema(name = "GivenPrefectOpinion", description = "The avis du préfet as given: opinion, comment, who and when")
    public record PrefectOpinionView(PrefectOpinion opinion, String comment, String givenBy, Instant givenAt) {
    }

    static ApplicationView of(Application application, FundingSummary funding, AccessScope scope) {
        var structure = application.structure;
        var campaign = application.campaign;
        PrefectOpinionView opinion = application.prefectOpinion == null || !scope.stateAgent() ? null
                : new PrefectOpinionView(application.prefectOpinion, application.prefectOpinionComment,
                        application.prefectOpinionBy, application.prefectOpinionAt);
        FundingFigures figures = funding == null ? null : new FundingFigures(funding.grantedAmount, funding.paidAmount);
        return new ApplicationView(application.id,
                new StructureSummary(structure.id, structure.siret, structure.name, structure.type, structure.category,
                        structure.communeCode, structure.departementCode, structure.regionCode,
                        structure.territoryZone, structure.qpv, structure.zrr),
                new CampaignSummary(campaign.id, campaign.name, campaign.fundingPhase),
                application.postsRequested, application.contractMonths, application.desiredStartDate,
                application.motivation, application.franceServicesLabel, application.status, application.createdAt,
                application.updatedAt, application.submittedAt, application.postsGranted, application.decisionNumber,
                application.priority, application.decisionComment, application.rejectionReason,
                application.decidedAt, application.grantedPosts(), opinion,
                funding == null ? null : funding.grantId,
                figures == null ? null : figures.granted(),
                figures == null ? null : figures.paid(),
                figures == null ? null : figures.remaining(),
                application.version);
    }
}
