package fr.cnfs.contracts.events;

import java.time.LocalDate;
import java.util.UUID;

/**
 * @param reason NATURAL_END, RESIGNATION, DISMISSAL, NON_RENEWAL, END_OF_FUNDING, …
 */
public record ContractEnded(
        UUID contractId,
        UUID postId,
        UUID applicationId,
        LocalDate endDate,
        String reason) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.contract.ended.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.PLACEMENTS; }
    @Override public String aggregateType() { return "post"; }
    @Override public String aggregateId() { return postId.toString(); }
}
