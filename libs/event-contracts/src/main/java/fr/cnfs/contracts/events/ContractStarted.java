package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Keyed by post: the start and end of the contracts of one post stay in order.
 *
 * @param endDate null for a CDI
 */
public record ContractStarted(
        UUID contractId,
        UUID postId,
        UUID applicationId,
        UUID conseillerId,
        String siret,
        String contractType,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal grossMonthlySalary,
        BigDecimal weeklyHours) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.contract.started.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.PLACEMENTS; }
    @Override public String aggregateType() { return "post"; }
    @Override public String aggregateId() { return postId.toString(); }
}
