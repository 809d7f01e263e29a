package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.funding.domain.rules.FundingCalculator;
import fr.cnfs.funding.domain.rules.FundingQuote;
import fr.cnfs.funding.domain.rules.FundingRuleException;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.StructureCategory;
import fr.cnfs.plumbing.inbox.RejectedEventException;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class GrantService {

    private final Outbox outbox;
    private final FundingRuleCatalog rules;
    private final PostOccupationService occupation;
    private final Clock clock;

    GrantService(Outbox outbox, FundingRuleCatalog rules, PostOccupationService occupation, Clock clock) {
        this.outbox = outbox;
        this.rules = rules;
        this.occupation = occupation;
        this.clock = clock;
    }

    /** The filters of {@code GET /grants}; null means no filter. */
    public record GrantFilter(String siret, UUID applicationId, UUID campaignId, GrantStatus status,
            String departementCode, String territoryZone) {
    }

    /**
     * On ApplicationApproved: one grant under the campaign's rule set, one post funding per post id with its planned
     * tranches, then GrantAwarded; placement events that were waiting for these posts are applied next.
     */
    @Transactional(TxType.MANDATORY)
    public Grant award(ApplicationApproved approved) {
        var structure = approved.structure();
        if (structure == null || approved.postIds() == null || approved.applicationId() == null) {
            throw new RejectedEventException("applicationId, structure and postIds are required");
        }
        if (approved.postIds().size() != approved.postsGranted() || approved.postsGranted() < 1) {
            throw new RejectedEventException("postIds (" + approved.postIds().size() + ") does not match postsGranted ("
                    + approved.postsGranted() + ")");
        }
        if (new HashSet<>(approved.postIds()).size() != approved.postIds().size()) {
            throw new RejectedEventException("postIds holds the same post twice");
        }
        if (Grant.find("applicationId", approved.applicationId()).firstResultOptional().isPresent()) {
            throw new RejectedEventException("application " + approved.applicationId() + " already has a grant");
        }
        for (UUID postId : approved.postIds()) {
            if (PostFunding.findById(postId) != null) {
                throw new RejectedEventException("post " + postId + " is already funded by another grant");
            }
        }
        FundingRuleSet ruleSet = ruleSetOf(approved);
        StructureCategory category = StructureCategory.parse(structure.category())
                .orElseThrow(() -> new RejectedEventException("unknown structure category " + structure.category()));
        FundingQuote quote;
        try {
            quote = FundingCalculator.quote(ruleSet, category, approved.contractMonths(), structure.territoryCode(),
                    structure.qpv(), structure.zrr());
        } catch (FundingRuleException e) {
            throw new RejectedEventException(e.getMessage());
        }

        Instant now = now();
        Grant grant = new Grant();
        grant.id = UUID.randomUUID();
        grant.applicationId = approved.applicationId();
        grant.campaignId = approved.campaignId();
        grant.siret = structure.siret();
        grant.structureName = structure.name();
        grant.category = category.name();
        grant.communeCode = structure.communeCode();
        grant.departementCode = structure.departementCode();
        grant.territoryZone = structure.territoryZone();
        grant.territoryCode = structure.territoryCode();
        grant.qpv = structure.qpv();
        grant.zrr = structure.zrr();
        grant.fundingPhase = ruleSet.phase();
        grant.ruleSetVersion = ruleSet.version();
        grant.decisionNumber = approved.decisionNumber();
        grant.contractMonths = approved.contractMonths();
        grant.fundedMonths = quote.fundedMonths();
        grant.postCount = approved.postsGranted();
        grant.amountPerPost = quote.amountPerPost();
        grant.mainlandAmountPerPost = quote.mainlandAmount();
        grant.overseasRate = quote.overseasRate();
        grant.priorityAreaBonus = quote.priorityArea();
        grant.totalAmount = Money.round(quote.amountPerPost().multiply(BigDecimal.valueOf(approved.postsGranted())));
        grant.awardedAt = now;
        grant.status = GrantStatus.AWARDED;
        for (UUID postId : approved.postIds()) {
            PostFunding post = new PostFunding();
            post.postId = postId;
            post.grant = grant;
            post.applicationId = grant.applicationId;
            post.siret = grant.siret;
            post.amount = quote.amountPerPost();
            post.fundedMonths = quote.fundedMonths();
            post.fundedDays = quote.fundedDays();
            post.replacementWindowMonths = quote.replacementWindowMonths();
            post.status = PostFundingStatus.AWAITING_CONTRACT;
            for (FundingQuote.PlannedTranche planned : quote.tranches()) {
                post.plan(planned.rank(), planned.amount(), planned.thresholdDays(), now);
            }
            grant.posts.add(post);
        }
        grant.persist();
        outbox.publish(new GrantAwarded(grant.id, grant.applicationId, grant.siret, grant.campaignId, grant.postCount,
                grant.amountPerPost, grant.totalAmount));
        for (UUID postId : approved.postIds()) {
            occupation.applyParked(postId);
        }
        return grant;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Grant> find(UUID id) {
        return Grant.<Grant> findByIdOptional(id).map(this::withPosts);
    }

    /**
     * Loads the post fundings of a grant with their tranches in one statement, so that a reader never sees a post's
     * state and its tranches from two different moments.
     */
    @Transactional(TxType.SUPPORTS)
    public Grant withPosts(Grant grant) {
        PostFunding.find("select p from PostFunding p left join fetch p.tranches where p.grant.id = ?1", grant.id).list();
        return grant;
    }

    /** The contracts of each post of the grant, oldest first. */
    @Transactional(TxType.SUPPORTS)
    public Map<UUID, List<PostContract>> contractsOf(Grant grant) {
        // A subquery, not a list parameter: Hibernate caches no plan for a query with a list parameter.
        return PostContract.<PostContract> list("postId in (select p.postId from PostFunding p where p.grant = ?1)"
                + " order by startDate, recordedAt", grant).stream()
                .collect(Collectors.groupingBy(contract -> contract.postId));
    }

    /** Where the grant's money stands today. */
    @Transactional(TxType.SUPPORTS)
    public GrantStatement statement(Grant grant) {
        return GrantStatement.of(grant, today());
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(GrantFilter filter, PageRequest page, Function<Grant, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        add(query, parameters, "siret", filter.siret());
        add(query, parameters, "applicationId", filter.applicationId());
        add(query, parameters, "campaignId", filter.campaignId());
        add(query, parameters, "status", filter.status());
        add(query, parameters, "departementCode", filter.departementCode());
        add(query, parameters, "territoryZone", filter.territoryZone());
        Sort sort = page.sortOr(Map.of("awardedAt", "awardedAt", "totalAmount", "totalAmount", "siret", "siret"),
                Sort.descending("awardedAt").and("id"));
        return PageOf.of(Grant.find(query.toString(), sort, parameters), page, view);
    }

    private FundingRuleSet ruleSetOf(ApplicationApproved approved) {
        String phase = approved.fundingPhase();
        if (phase == null || phase.isBlank()) {
            LocalDate decided = approved.decidedAt() == null ? LocalDate.now(clock)
                    : LocalDate.ofInstant(approved.decidedAt(), clock.getZone());
            return rules.inForceOn(decided).orElse(rules.defaultRuleSet());
        }
        return rules.phase(phase).orElseThrow(() -> new RejectedEventException("unknown funding phase " + phase
                + "; known: " + rules.all().stream().map(FundingRuleSet::phase).toList()));
    }

    private static void add(StringBuilder query, Parameters parameters, String field, Object value) {
        if (value != null) {
            query.append(" and ").append(field).append(" = :").append(field);
            parameters.and(field, value);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
