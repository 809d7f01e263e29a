package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import org.hibernate.annotations.BatchSize;

import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A candidature: a structure's request for posts in a campaign, and the decision on it. */
@Entity
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siret;
    public String structureName;
    @Enumerated(EnumType.STRING)
    public StructureType structureType;
    @Enumerated(EnumType.STRING)
    public StructureType.Category category;
    public String communeCode;
    public String departementCode;
    public String regionCode;
    public String territoryZone;
    public String territoryCode;
    public boolean qpv;
    public boolean zrr;

    public UUID campaignId;
    public String fundingPhase;
    public int postsRequested;
    public int contractMonths;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public Integer postsGranted;
    public String decisionNumber;
    public Instant decidedAt;
    /** Read model fed by funding-service's GrantAwarded. */
    public BigDecimal grantedAmount;

    /** One id per granted post, assigned at the decision so that every service names a post alike. */
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchSize(size = 50)
    @CollectionTable(name = "granted_post", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    @Column(name = "post_id")
    public List<UUID> grantedPostIds = new ArrayList<>();

    public Instant createdAt;

    @Version
    public long version;

    /** Moves to {@code target} or refuses with 409, leaving the application unchanged. */
    public void moveTo(ApplicationStatus target) {
        if (!status.canMoveTo(target)) {
            throw new StateConflictException("illegal-transition",
                    "an application in status " + status + " cannot become " + target);
        }
        status = target;
    }
}
