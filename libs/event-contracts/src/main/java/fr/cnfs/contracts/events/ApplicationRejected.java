package fr.cnfs.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record ApplicationRejected(
        UUID applicationId,
        String siret,
        UUID campaignId,
        String reason,
        Instant decidedAt) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.application.rejected.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.APPLICATIONS; }
    @Override public String aggregateType() { return "application"; }
    @Override public String aggregateId() { return applicationId.toString(); }
}
