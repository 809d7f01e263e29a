package fr.cnfs.funding.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.ParkedEvent;

@Schema(name = "ParkedEvent", description = "A placement event that came before its prerequisite")
public record ParkedEventView(long seq, String eventId, String eventType, UUID postId, UUID contractId,
        String waitingFor, @Schema(enumeration = { "PARKED", "APPLIED", "REJECTED" }) String status, Instant parkedAt,
        Instant resolvedAt, String outcome) {

    static ParkedEventView of(ParkedEvent parked) {
        return new ParkedEventView(parked.seq, parked.eventId, parked.eventType, parked.postId, parked.contractId,
                parked.waitingFor, parked.status.name(), parked.parkedAt, parked.resolvedAt, parked.outcome);
    }
}
