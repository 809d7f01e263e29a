package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import fr.cnfs.territory.TerritoryZone;

/** One line of the export: a flat projection, read straight from the cursor, never a managed entity. */
public record ApplicationExportRow(
        UUID id,
        String siret,
        String structureName,
        StructureType structureType,
        StructureCategory category,
        String communeCode,
        String departementCode,
        String regionCode,
        TerritoryZone territoryZone,
        String campaignName,
        ApplicationStatus status,
        Integer postsRequested,
        Integer contractMonths,
        LocalDate desiredStartDate,
        Boolean franceServicesLabel,
        Instant createdAt,
        Instant submittedAt,
        Integer postsGranted,
        String decisionNumber,
        Boolean priority,
        RejectionReason rejectionReason,
        Instant decidedAt,
        PrefectOpinion prefectOpinion,
        BigDecimal grantedAmount,
        BigDecimal paidAmount) {
}
