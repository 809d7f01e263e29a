package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Money received back against a recovery, named by the paying agency's reference. */
@Entity
public class RecoverySettlement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "recovery_id")
    public Recovery recovery;

    public BigDecimal amount;
    public LocalDate receivedOn;
    public String reference;
    public String recordedBy;
    public Instant recordedAt;
}
