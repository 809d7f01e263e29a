package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.util.UUID;

/** An ordre de reversement: money the structure must pay back. */
public record RecoveryIssued(
        UUID recoveryId,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        String siret,
        BigDecimal amount,
        String reason) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.recovery.issued.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
