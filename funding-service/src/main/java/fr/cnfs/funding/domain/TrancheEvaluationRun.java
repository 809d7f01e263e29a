package fr.cnfs.funding.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One evaluation of the time-based triggers, by the daily schedule or an administrator: its date and its effects. */
@Entity
public class TrancheEvaluationRun extends PanacheEntityBase {

    @Id
    public UUID id;
    public LocalDate asOf;
    /** SCHEDULE or ADMIN. */
    public String triggeredBy;
    public String requestedBy;
    public Instant startedAt;
    public Instant finishedAt;
    public int postsExamined;
    public int tranchesDue;
    public int postsCompleted;
    public int postsClosed;
    public int recoveriesIssued;
    public int adjustmentsDue;
    public int failures;
}
