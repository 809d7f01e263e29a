package fr.cnfs.applications.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.Application;
import fr.cnfs.applications.domain.ApplicationStatus;

@Schema(name = "Application", description = "A candidature and its decision")
public record ApplicationView(
        UUID id,
        String siret,
        String structureName,
        String structureType,
        String category,
        String communeCode,
        String departementCode,
        String regionCode,
        String territoryZone,
        UUID campaignId,
        String fundingPhase,
        int postsRequested,
        int contractMonths,
        ApplicationStatus status,
        Integer postsGranted,
        String decisionNumber,
        Instant decidedAt,
        List<UUID> postIds,
        @Schema(description = "Grant total in euros, once funding-service has awarded it") BigDecimal grantedAmount,
        Instant createdAt,
        long version) {

    static ApplicationView of(Application application) {
        return new ApplicationView(application.id, application.siret, application.structureName,
                application.structureType.name(), application.category.name(), application.communeCode,
                application.departementCode, application.regionCode, application.territoryZone,
                application.campaignId, application.fundingPhase, application.postsRequested,
                application.contractMonths, application.status, application.postsGranted, application.decisionNumber,
                application.decidedAt, List.copyOf(application.grantedPostIds), application.grantedAmount,
                application.createdAt, application.version);
    }
}
