package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A contract on a funded post, as placement-service reported it: the occupation history that funding counts. */
@Entity
public class PostContract extends PanacheEntityBase {

    @Id
    public UUID contractId;
    public UUID postId;
    public UUID conseillerId;
    public String contractType;
    public LocalDate startDate;
    /** Planned last day (CDD); null for a CDI. */
    public LocalDate plannedEndDate;
    public BigDecimal grossMonthlySalary;
    public BigDecimal weeklyHours;
    /** False when it started after the post funding was completed or closed: recorded, but worth nothing more. */
    public boolean counted;
    /** First day counted: its start, or the first vacant day if it started before the previous contract ended. */
    public LocalDate countedFrom;
    /** Last day of the contract, from ContractEnded; null while it runs. */
    public LocalDate endDate;
    public String endReason;
    /** Days it added to the post's occupation, once ended. */
    public Integer occupiedDays;
    public Instant recordedAt;

    @Version
    public long version;
}
