package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.Tranche;

@Schema(name = "Tranche", description = "One instalment of a post's subsidy: ranks 1-3 planned at the award, 4 a closing adjustment")
public record TrancheView(
        UUID id,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        UUID campaignId,
        String siret,
        int rank,
        BigDecimal amount,
        @Schema(enumeration = { "PLANNED", "DUE", "PAID", "CANCELLED" }) String status,
        @Schema(description = "Occupied days at which it becomes due; 0 for the first contract's start") int thresholdDays,
        LocalDate dueDate,
        LocalDate paidOn,
        BigDecimal paidAmount,
        String paymentReference,
        LocalDate cancelledOn,
        String cancellationReason,
        long version) {

    static TrancheView of(Tranche tranche) {
        return new TrancheView(tranche.id, tranche.grantId, tranche.postFunding.postId, tranche.applicationId,
                tranche.campaignId, tranche.siret, tranche.rank, tranche.amount, tranche.status.name(),
                tranche.thresholdDays, tranche.dueDate, tranche.paidOn, tranche.paidAmount, tranche.paymentReference,
                tranche.cancelledOn, tranche.cancellationReason, tranche.version);
    }
}
