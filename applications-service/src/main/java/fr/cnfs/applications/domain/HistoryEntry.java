package fr.cnfs.applications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One command applied to an application, for the audit history. Append-only: Hibernate never updates it and the
 * database refuses any UPDATE or DELETE of the table (trigger in V2).
 */
@Entity
@Immutable
@Table(name = "application_history")
public class HistoryEntry extends PanacheEntityBase {

    /** Orders the entries; a sequence rather than an identity, so that the insert waits for its application's. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "application_history_seq")
    @SequenceGenerator(name = "application_history_seq", sequenceName = "application_history_seq", allocationSize = 50)
    public Long seq;

    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public ApplicationCommand action;
    /** Null for the creation. */
    @Enumerated(EnumType.STRING)
    public ApplicationStatus fromStatus;
    @Enumerated(EnumType.STRING)
    public ApplicationStatus toStatus;
    public String actorSubject;
    public String actorRole;
    public Instant occurredAt;
    public String comment;

    static HistoryEntry of(Application application, ApplicationCommand action, ApplicationStatus from, Actor actor,
            Instant at, String comment) {
        HistoryEntry entry = new HistoryEntry();
        entry.applicationId = application.id;
        entry.action = action;
        entry.fromStatus = from;
        entry.toStatus = application.status;
        entry.actorSubject = actor.subject();
        entry.actorRole = actor.role();
        entry.occurredAt = at;
        entry.comment = comment;
        return entry;
    }
}
