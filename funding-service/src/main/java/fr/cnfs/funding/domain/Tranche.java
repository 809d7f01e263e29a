package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * One instalment of a post's subsidy: ranks 1 to 3 are planned at the award, rank 4 is a closing adjustment.
 * The grant, application, campaign and SIRET are copied here so that the paying agency's lists need no join.
 */
@Entity
public class Tranche extends PanacheEntityBase {

    public static final int ADJUSTMENT_RANK = 4;

    @Id
    public UUID id;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "post_id")
    public PostFunding postFunding;

    public UUID grantId;
    public UUID applicationId;
    public UUID campaignId;
    public String siret;
    public int rank;
    public BigDecimal amount;
    /** Occupied days at which it becomes due: 0 for the first contract's start. */
    public int thresholdDays;

    @Enumerated(EnumType.STRING)
    public TrancheStatus status;

    public LocalDate dueDate;
    public LocalDate paidOn;
    public BigDecimal paidAmount;
    public String paymentReference;
    public Instant paymentRecordedAt;
    public LocalDate cancelledOn;
    public String cancellationReason;
    public Instant createdAt;

    @Version
    public long version;

    public boolean isAdjustment() {
        return rank == ADJUSTMENT_RANK;
    }

    void becomeDue(LocalDate on) {
        require(TrancheStatus.DUE);
        status = TrancheStatus.DUE;
        dueDate = on;
    }

    void cancel(LocalDate on, String reason) {
        require(TrancheStatus.CANCELLED);
        status = TrancheStatus.CANCELLED;
        cancelledOn = on;
        cancellationReason = reason;
    }

    void pay(LocalDate on, BigDecimal paid, String reference, Instant recordedAt) {
        require(TrancheStatus.PAID);
        status = TrancheStatus.PAID;
        paidOn = on;
        paidAmount = paid;
        paymentReference = reference;
        paymentRecordedAt = recordedAt;
    }

    private void require(TrancheStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("tranche " + id + " is " + status + " and cannot become " + target);
        }
    }
}
