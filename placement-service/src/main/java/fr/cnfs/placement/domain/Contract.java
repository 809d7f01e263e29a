package fr.cnfs.placement.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An employment contract between a structure and an adviser, on one post. */
@Entity
public class Contract extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID matchId;
    public UUID postId;
    public UUID conseillerId;
    public UUID applicationId;
    public String siret;
    @Enumerated(EnumType.STRING)
    public ContractType contractType;
    public LocalDate startDate;
    /** Null for a CDI. */
    public LocalDate endDate;
    public BigDecimal grossMonthlySalary;
    public BigDecimal weeklyHours;
    @Enumerated(EnumType.STRING)
    public ContractState state;
    public Instant proposedAt;
    /** When the admin finalized the recruitment. */
    public Instant startedAt;
    public LocalDate ruptureDate;
    @Enumerated(EnumType.STRING)
    public RuptureReason ruptureReason;
    public String ruptureComment;
    public Instant ruptureDeclaredAt;
    public LocalDate endedOn;
    /** NATURAL_END or a {@link RuptureReason}. */
    public String endReason;

    @Version
    public long version;
}
