package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
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
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A subvention: what the State awards an approved application, one {@link PostFunding} per granted post. */
@Entity
@Table(name = "grant_award")
public class Grant extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    public UUID campaignId;
    public String siret;
    public String structureName;
    public String category;
    public String communeCode;
    public String departementCode;
    public String territoryZone;
    public String territoryCode;
    public boolean qpv;
    public boolean zrr;
    public String fundingPhase;
    /** The version of the rule set the amounts were computed with. */
    public String ruleSetVersion;
    public String decisionNumber;
    public int contractMonths;
    public int fundedMonths;
    public int postCount;
    public BigDecimal amountPerPost;
    /** Amount per post before the overseas increase. */
    public BigDecimal mainlandAmountPerPost;
    public BigDecimal overseasRate;
    public boolean priorityAreaBonus;
    public BigDecimal totalAmount;
    public Instant awardedAt;

    @Enumerated(EnumType.STRING)
    public GrantStatus status;

    @OneToMany(mappedBy = "grant", cascade = CascadeType.PERSIST)
    @OrderBy("postId")
    public List<PostFunding> posts = new ArrayList<>();

    @Version
    public long version;

    /** Follows the post fundings: AWARDED, ACTIVE once a contract started, ENDED once all are final. */
    public void refreshStatus() {
        status = GrantStatus.of(posts.stream().map(post -> post.status).toList());
    }
}
