package fr.cnfs.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of an adviser's training history. */
@Entity
public class TrainingRecord extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID conseillerId;
    @Enumerated(EnumType.STRING)
    public TrainingAction action;
    @Enumerated(EnumType.STRING)
    public TrainingStatus statusBefore;
    @Enumerated(EnumType.STRING)
    public TrainingStatus statusAfter;
    public LocalDate occurredOn;
    public int hoursCompleted;
    public String comment;
    public String recordedBy;
    public Instant recordedAt;
}
