package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * Read model of an approved application's funding, fed by funding-service's GrantAwarded and TranchePaid. Kept
 * apart from the application so that events never touch the application's version. Euros, scale 2.
 */
@Entity
@Table(name = "application_funding")
public class FundingSummary extends PanacheEntityBase {

    @Id
    public UUID applicationId;
    public UUID grantId;
    public Integer postCount;
    public BigDecimal amountPerPost;
    /** Null while only payments are known (a GrantAwarded still to come). */
    public BigDecimal grantedAmount;
    public BigDecimal paidAmount;
    public Instant updatedAt;
}
