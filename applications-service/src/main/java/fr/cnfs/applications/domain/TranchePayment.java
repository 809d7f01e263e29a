package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

import org.hibernate.annotations.Immutable;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A tranche funding-service reported paid; keyed by tranche, so a tranche reported twice counts once. */
@Entity
@Immutable
public class TranchePayment extends PanacheEntityBase {

    @Id
    public UUID trancheId;
    public UUID applicationId;
    public UUID grantId;
    public int rank;
    public BigDecimal paidAmount;
    public LocalDate paidOn;
    public String paymentReference;
    public Instant recordedAt;
}
