package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An ordre de reversement: what a structure must pay back when its post funding closed with more paid than earned. */
@Entity
public class Recovery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID grantId;
    public UUID postId;
    public UUID applicationId;
    public UUID campaignId;
    public String siret;
    public BigDecimal amount;
    /** What explains the amount: amount = paidAmount − earnedAmount at closing. */
    public BigDecimal earnedAmount;
    public BigDecimal paidAmount;
    public BigDecimal settledAmount;
    public String reason;
    public LocalDate issuedOn;

    @Enumerated(EnumType.STRING)
    public RecoveryStatus status;

    public Instant createdAt;

    @OneToMany(mappedBy = "recovery", cascade = CascadeType.PERSIST)
    @OrderBy("receivedOn, recordedAt")
    public List<RecoverySettlement> settlements = new ArrayList<>();

    @Version
    public long version;

    public BigDecimal outstanding() {
        return amount.subtract(settledAmount);
    }
}
