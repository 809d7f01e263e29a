package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.Recovery;

@Schema(name = "Recovery", description = "An ordre de reversement: amount = paidAmount − earnedAmount at closing")
public record RecoveryView(
        UUID id,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        UUID campaignId,
        String siret,
        BigDecimal amount,
        BigDecimal earnedAmount,
        BigDecimal paidAmount,
        BigDecimal settledAmount,
        BigDecimal outstanding,
        String reason,
        LocalDate issuedOn,
        @Schema(enumeration = { "ISSUED", "PARTIALLY_SETTLED", "SETTLED" }) String status,
        long version,
        List<Settlement> settlements) {

    @Schema(name = "RecoverySettlement")
    public record Settlement(BigDecimal amount, LocalDate receivedOn, String reference) {
    }

    static RecoveryView of(Recovery recovery) {
        return new RecoveryView(recovery.id, recovery.grantId, recovery.postId, recovery.applicationId,
                recovery.campaignId, recovery.siret, recovery.amount, recovery.earnedAmount, recovery.paidAmount,
                recovery.settledAmount, recovery.outstanding(), recovery.reason, recovery.issuedOn,
                recovery.status.name(), recovery.version, recovery.settlements.stream()
                        .map(s -> new Settlement(s.amount, s.receivedOn, s.reference)).toList());
    }
}
