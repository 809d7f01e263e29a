package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.util.UUID;

/** Amounts are euros with two decimals. */
public record GrantAwarded(
        UUID grantId,
        UUID applicationId,
        String siret,
        UUID campaignId,
        int postCount,
        BigDecimal amountPerPost,
        BigDecimal totalAmount) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.grant.awarded.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
