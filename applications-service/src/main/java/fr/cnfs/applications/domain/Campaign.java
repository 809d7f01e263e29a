package fr.cnfs.applications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
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
import jakarta.persistence.Version;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An AMI wave: when structures may apply, who may, under which funding phase, and the national post quota. */
@Entity
public class Campaign extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;
    public LocalDate opensOn;
    public LocalDate closesOn;
    public int postQuota;
    /**
     * Posts granted by approvals so far. Approvals add to it in one conditional update that refuses to pass
     * {@link #postQuota} ({@code ApplicationService}); {@link #grant} states the same rule; the database also refuses a
     * value above the quota.
     */
    public int postsGranted;

    /** Lazy: read with {@link #findWithCategories} where needed, not with every application loaded. */
    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "campaign_eligible_category", joinColumns = @JoinColumn(name = "campaign_id"))
    @Column(name = "category")
    @Enumerated(EnumType.STRING)
    public Set<StructureCategory> eligibleCategories = new HashSet<>();

    /** The funding rule phase, e.g. {@code PHASE_1}: it fixes the contract bounds here and the amounts in funding. */
    public String fundingPhase;
    /** Months after the decision within which the granted posts should be filled. */
    public int recruitmentDeadlineMonths;

    public Instant createdAt;

    @Version
    public long version;

    public CampaignStatus statusOn(LocalDate day) {
        return CampaignStatus.on(day, opensOn, closesOn);
    }

    /**
     * The campaign with its eligible categories, in one statement (the collection is lazy otherwise). Not with
     * firstResult: a row limit on a fetched collection makes Hibernate read every row, cut in memory and log a
     * warning, which every POST /applications did. Hibernate returns the campaign once, whatever the category rows.
     */
    public static Optional<Campaign> findWithCategories(UUID id) {
        return find("from Campaign c left join fetch c.eligibleCategories where c.id = ?1", id).singleResultOptional();
    }

    public int postsRemaining() {
        return postQuota - postsGranted;
    }

    /** Takes {@code posts} from the quota, or refuses (422) without changing anything. Call under the row lock. */
    public void grant(int posts) {
        if (posts > postsRemaining()) {
            throw new BusinessRuleException("quota-exceeded", "granting " + posts + " post(s) would exceed the quota of "
                    + name + ": " + postsGranted + " of " + postQuota + " already granted, " + postsRemaining()
                    + " remaining");
        }
        postsGranted += posts;
    }
}
