package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.GrantAwarded;
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

    GrantService(Outbox outbox) {
        this.outbox = outbox;
    }

    /** On ApplicationApproved: one grant, one post funding per post id, then GrantAwarded. */
    @Transactional(TxType.MANDATORY)
    public Grant award(ApplicationApproved approved) {
        if (approved.postIds().size() != approved.postsGranted()) {
            throw new RejectedEventException("postIds (" + approved.postIds().size() + ") does not match postsGranted ("
                    + approved.postsGranted() + ")");
        }
        if (Grant.count("applicationId", approved.applicationId()) > 0) {
            throw new RejectedEventException("application " + approved.applicationId() + " already has a grant");
        }
        var structure = approved.structure();
        BigDecimal amountPerPost = PostAmount.of(structure.category(), approved.contractMonths(), structure.territoryCode());
        Grant grant = new Grant();
        grant.id = UUID.randomUUID();
        grant.applicationId = approved.applicationId();
        grant.campaignId = approved.campaignId();
        grant.siret = structure.siret();
        grant.structureName = structure.name();
        grant.category = structure.category();
        grant.departementCode = structure.departementCode();
        grant.territoryZone = structure.territoryZone();
        grant.territoryCode = structure.territoryCode();
        grant.fundingPhase = approved.fundingPhase();
        grant.contractMonths = approved.contractMonths();
        grant.postCount = approved.postsGranted();
        grant.amountPerPost = amountPerPost;
        grant.totalAmount = Money.round(amountPerPost.multiply(BigDecimal.valueOf(approved.postsGranted())));
        grant.awardedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        for (UUID postId : approved.postIds()) {
            PostFunding post = new PostFunding();
            post.postId = postId;
            post.grant = grant;
            post.amount = amountPerPost;
            grant.posts.add(post);
        }
        grant.persist();
        outbox.publish(new GrantAwarded(grant.id, grant.applicationId, grant.siret, grant.campaignId, grant.postCount,
                grant.amountPerPost, grant.totalAmount));
        return grant;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Grant> find(UUID id) {
        return Grant.findByIdOptional(id);
    }

    /** Grants, optionally of one application and of one SIRET (a structure sees only its own). */
    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(UUID applicationId, String siret, PageRequest page, java.util.function.Function<Grant, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (applicationId != null) {
            query.append(" and applicationId = :applicationId");
            parameters.and("applicationId", applicationId);
        }
        if (siret != null) {
            query.append(" and siret = :siret");
            parameters.and("siret", siret);
        }
        Sort sort = page.sortOr(java.util.Map.of("awardedAt", "awardedAt", "totalAmount", "totalAmount"),
                Sort.descending("awardedAt").and("id"));
        return PageOf.of(Grant.find(query.toString(), sort, parameters), page, view);
    }
}
