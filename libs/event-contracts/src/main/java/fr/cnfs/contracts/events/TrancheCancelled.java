package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Withdraws a {@link TrancheDue}: the post funding closed and paying this tranche would pay more than was earned.
 * Only tranches that had been announced as due are announced as cancelled.
 *
 * @param reason REPLACEMENT_WINDOW_EXPIRED or POST_RETURNED
 */
public record TrancheCancelled(
        UUID trancheId,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        String siret,
        int rank,
        BigDecimal amount,
        LocalDate cancelledOn,
        String reason) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.tranche.cancelled.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
