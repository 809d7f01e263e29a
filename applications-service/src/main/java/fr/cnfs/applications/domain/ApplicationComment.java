package fr.cnfs.applications.domain;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A message to or from the structure, or a reviewer's internal note, on an application. Never edited. */
@Entity
@Immutable
public class ApplicationComment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    @Enumerated(EnumType.STRING)
    public CommentKind kind;
    public String body;
    public String authorSubject;
    public String authorRole;
    public Instant createdAt;
}
