package fr.cnfs.applications.domain;

import java.time.Instant;
import java.time.LocalDate;
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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Version;

import fr.cnfs.territory.TerritoryZone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A candidature: a structure's request for posts in a campaign, its review and the decision on it. */
@Entity
public class Application extends PanacheEntityBase {

    @Id
    public UUID id;

    // Eager: every view of an application shows its structure and campaign, also after the command's transaction
    // has ended; lists load them in batches (quarkus.hibernate-orm.fetch.batch-size).
    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "structure_id")
    public Structure structure;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "campaign_id")
    public Campaign campaign;

    // Copied from the structure at creation (fixed there once registered), so that lists and the export filter and
    // sort on indexed columns of this table without a join.
    public String siret;
    @Enumerated(EnumType.STRING)
    public StructureCategory category;
    public String departementCode;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public TerritoryZone territoryZone;

    public int postsRequested;
    public int contractMonths;
    public LocalDate desiredStartDate;
    public String motivation;
    public boolean franceServicesLabel;

    @Enumerated(EnumType.STRING)
    public ApplicationStatus status;
    public Instant createdAt;
    public Instant updatedAt;
    /** When it was first submitted; what the submitted-from/to filters look at. */
    public Instant submittedAt;

    public Integer postsGranted;
    public String decisionNumber;
    /** The committee flags an approval as a priority for recruitment. */
    public boolean priority;
    public String decisionComment;
    @Enumerated(EnumType.STRING)
    public RejectionReason rejectionReason;
    public Instant decidedAt;

    @Enumerated(EnumType.STRING)
    public PrefectOpinion prefectOpinion;
    public String prefectOpinionComment;
    public String prefectOpinionBy;
    public Instant prefectOpinionAt;

    /**
     * One id per granted post, assigned at the decision so that every service names a post alike. Lazy: only an
     * approved application has any, so the others skip the read ({@link #grantedPosts()}).
     */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "granted_post", joinColumns = @JoinColumn(name = "application_id"))
    @OrderColumn(name = "position")
    @Column(name = "post_id")
    public List<UUID> grantedPostIds = new ArrayList<>();

    @Version
    public long version;

    /**
     * The granted post ids; read from the database only when the decision granted some, since the approval writes
     * {@link #postsGranted} and the ids together.
     */
    public List<UUID> grantedPosts() {
        return postsGranted == null || postsGranted == 0 ? List.of() : List.copyOf(grantedPostIds);
    }
}
