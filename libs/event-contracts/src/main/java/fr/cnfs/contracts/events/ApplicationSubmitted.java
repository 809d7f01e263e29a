package fr.cnfs.contracts.events;

import java.time.Instant;
import java.util.UUID;

public record ApplicationSubmitted(
        UUID applicationId,
        StructureSnapshot structure,
        UUID campaignId,
        int postsRequested,
        int contractMonths,
        Instant submittedAt) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.application.submitted.v1";

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.APPLICATIONS; }
    @Override public String aggregateType() { return "application"; }
    @Override public String aggregateId() { return applicationId.toString(); }
}
