package fr.cnfs.contracts.events;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Money received back against a {@link RecoveryIssued}.
 *
 * @param amount      received this time
 * @param outstanding still to be received after it; zero when the recovery is settled
 */
public record RecoverySettled(
        UUID recoveryId,
        UUID grantId,
        UUID postId,
        UUID applicationId,
        String siret,
        BigDecimal amount,
        LocalDate receivedOn,
        String reference,
        BigDecimal outstanding) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.recovery.settled.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.FUNDING; }
    @Override public String aggregateType() { return "grant"; }
    @Override public String aggregateId() { return grantId.toString(); }
}
