package fr.cnfs.applications.api;

import java.time.Instant;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.ApplicationCommand;
import fr.cnfs.applications.domain.ApplicationStatus;
import fr.cnfs.applications.domain.HistoryEntry;

@Schema(name = "HistoryEntry", description = "One command applied to an application")
public record HistoryEntryView(
        @Schema(description = "The command; UPDATE and PREFECT_OPINION keep the status") ApplicationCommand action,
        @Schema(description = "Null for CREATE") ApplicationStatus from,
        ApplicationStatus to,
        ActorView actor,
        Instant at,
        String comment) {

    @Schema(name = "Actor")
    public record ActorView(@Schema(description = "The token's subject") String subject,
            @Schema(description = "The role it acted in") String role) {
    }

    static HistoryEntryView of(HistoryEntry entry) {
        return new HistoryEntryView(entry.action, entry.fromStatus, entry.toStatus,
                new ActorView(entry.actorSubject, entry.actorRole), entry.occurredAt, entry.comment);
    }
}
