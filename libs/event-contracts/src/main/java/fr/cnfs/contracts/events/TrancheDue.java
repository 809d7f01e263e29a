package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * @param rank 1..3, or 4 for a closing adjustment
 */
public record TrancheDue(
        UUID trancheId,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        String siret,
        int rank,
        BigDecimal amount,
        LocalDate dueDate) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.tranche.due.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
