package fr.cnfs.placement.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.placement.config.PlacementConfig;
import fr.cnfs.plumbing.inbox.RejectedEventException;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.query.HqlLiterals;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class PostService {

    private final Clock clock;
    private final PlacementConfig config;
    private final Outbox outbox;
    private final MatchHistory history;
    private final EntityManager entityManager;

    PostService(Clock clock, PlacementConfig config, Outbox outbox, MatchHistory history, EntityManager entityManager) {
        this.clock = clock;
        this.config = config;
        this.outbox = outbox;
        this.history = history;
        this.entityManager = entityManager;
    }

    /** On ApplicationApproved: one VACANT post per post id, with its recruitment deadline. */
    @Transactional(TxType.MANDATORY)
    public void openPosts(ApplicationApproved approved) {
        if (approved.postIds().size() != approved.postsGranted()) {
            throw new RejectedEventException("postIds (" + approved.postIds().size() + ") does not match postsGranted ("
                    + approved.postsGranted() + ")");
        }
        var structure = approved.structure();
        int deadlineMonths = approved.recruitmentDeadlineMonths() > 0 ? approved.recruitmentDeadlineMonths()
                : config.defaultRecruitmentDeadlineMonths();
        var deadline = approved.decidedAt().atZone(config.zone()).toLocalDate().plusMonths(deadlineMonths);
        var now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        for (UUID postId : approved.postIds()) {
            if (Post.findById(postId) != null) {
                throw new RejectedEventException("post " + postId + " already exists");
            }
            Post post = new Post();
            post.id = postId;
            post.applicationId = approved.applicationId();
            post.campaignId = approved.campaignId();
            post.siret = structure.siret();
            post.structureName = structure.name();
            post.communeCode = structure.communeCode();
            post.departementCode = structure.departementCode();
            post.regionCode = structure.regionCode();
            post.territoryZone = structure.territoryZone();
            post.contractMonths = approved.contractMonths();
            post.recruitmentDeadline = deadline;
            post.state = PostState.VACANT;
            post.createdAt = now;
            post.persist();
        }
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<Post> find(UUID id) {
        return Post.findByIdOptional(id);
    }

    /** The post, locked until the end of the transaction: every change to a post or its contracts goes through it. */
    @Transactional(TxType.MANDATORY)
    public Post lock(UUID id) {
        Post post = entityManager.find(Post.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (post == null) {
            throw new ResourceNotFoundException("Post", id);
        }
        return post;
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(PostFilter filter, PageRequest page, Function<Post, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.applicationId() != null) {
            query.append(" and applicationId = :applicationId");
            parameters.and("applicationId", filter.applicationId());
        }
        if (filter.siret() != null) {
            query.append(" and siret = :siret");
            parameters.and("siret", filter.siret());
        }
        if (filter.state() != null) {
            query.append(" and state = :state");
            parameters.and("state", filter.state());
        }
        if (filter.departementCode() != null) {
            query.append(" and departementCode = :departement");
            parameters.and("departement", filter.departementCode());
        }
        if (filter.regionCode() != null) {
            query.append(" and regionCode = :region");
            parameters.and("region", filter.regionCode());
        }
        if (filter.territoryZone() != null) {
            query.append(" and territoryZone = :zone");
            parameters.and("zone", filter.territoryZone());
        }
        if (filter.overdue() != null) {
            query.append(filter.overdue() ? " and state = :vacant and recruitmentDeadline < :today"
                    : " and (state <> :vacant or recruitmentDeadline >= :today)");
            parameters.and("vacant", PostState.VACANT).and("today", today());
        }
        Sort sort = page.sortOr(Map.of("createdAt", "createdAt", "recruitmentDeadline", "recruitmentDeadline"),
                Sort.descending("createdAt").and("id"));
        return PageOf.of(Post.find(query.toString(), sort, parameters), page, view);
    }

    /** The post's contracts, oldest first; proposals that did not go through are left out. */
    @Transactional(TxType.SUPPORTS)
    public List<Contract> contractsOf(UUID postId) {
        return Contract.list("postId = ?1 and state <> ?2 order by startDate, proposedAt", postId,
                ContractState.CANCELLED);
    }

    /**
     * VACANT → RETURNED, final: the structure gives the post back. Refused while a recruitment is waiting for
     * finalization; the post's other pending matches become obsolete. Emits PostReturned.
     */
    public Post returnPost(UUID id, String actor) {
        Post post = lock(id);
        post.state = post.state.to(PostState.RETURNED);
        List<Match> pending = Match.find("postId = ?1 and state in " + HqlLiterals.inList(MatchState.PENDING), post.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        if (pending.stream().anyMatch(match -> match.state == MatchState.RECRUITED)) {
            throw new StateConflictException("recruitment-in-progress",
                    "a recruitment on this post is waiting for finalization: cancel it before returning the post");
        }
        for (Match match : pending) {
            history.apply(match, MatchCommand.MAKE_OBSOLETE, actor, "the post was returned");
        }
        post.returnedOn = today();
        outbox.publish(new PostReturned(post.id, post.applicationId, post.returnedOn));
        return post;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }
}
