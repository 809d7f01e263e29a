package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

public record TranchePaid(
        UUID trancheId,
        UUID grantId,
        UUID applicationId,
        int rank,
        BigDecimal paidAmount,
        LocalDate paidOn,
        String paymentReference) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.tranche.paid.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
