package fr.cnfs.placement.domain;

import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.hibernate.Session;

import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.query.HqlLiterals;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.PreconditionFailedException;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.problem.StateConflictException;
import fr.cnfs.territory.SmicTable;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Matches from creation to the end of their contract. Every command locks the post first, then the adviser when it
 * changes them, then the match: two commands on one post, or two contracts of one adviser, run one after the other,
 * and the loser sees the winner's result and gets a 409. The unique indexes of V4 stand behind the locks.
 *
 * <p>{@code siretScope} is the calling structure's SIRET, or null for an admin: another structure's match is a 404.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class MatchService {

    public static final String NATURAL_END = "NATURAL_END";

    private static final Map<String, String> UNIQUE_MESSAGES = Map.of(
            "match_one_recruitment_per_post", "another recruitment on this post is waiting for finalization",
            "match_one_open_per_pair", "this adviser already has an open match for this post",
            "contract_one_active_per_post", "the post already has an active contract",
            "contract_one_active_per_conseiller", "the adviser already has an active contract");

    private final PostService posts;
    private final ConseillerService conseillers;
    private final MatchHistory history;
    private final Outbox outbox;
    private final EntityManager entityManager;
    private final Clock clock;
    private final ContractRules rules = new ContractRules(SmicTable.instance());

    MatchService(PostService posts, ConseillerService conseillers, MatchHistory history, Outbox outbox, EntityManager entityManager, Clock clock) {
        this.posts = posts;
        this.conseillers = conseillers;
        this.history = history;
        this.outbox = outbox;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** A structure proposes an adviser for one of its vacant posts: a NEW match. */
    public MatchDetails create(UUID postId, UUID conseillerId, String siretScope, String actor) {
        UUID id = UUID.randomUUID();
        Post post = posts.lock(postId);
        if (!inScope(post.siret, siretScope)) {
            throw new ResourceNotFoundException("Post", postId);
        }
        if (post.state != PostState.VACANT) {
            throw new StateConflictException("post-not-vacant", "the post is " + post.state + ", not VACANT");
        }
        Conseiller conseiller = conseillers.find(conseillerId)
                .orElseThrow(() -> new ResourceNotFoundException("Conseiller", conseillerId));
        requireAvailable(conseiller);
        Proximity proximity = CandidateRanking.reach(post.place(), conseiller.place(), conseiller.mobility)
                .orElseThrow(() -> new BusinessRuleException("adviser-out-of-reach", "the adviser's mobility ("
                        + conseiller.mobility + " from " + conseiller.communeCode + ") does not reach the post in "
                        + post.communeCode));
        if (Match.find("postId = ?1 and conseillerId = ?2 and state in " + HqlLiterals.inList(MatchState.OPEN),
                post.id, conseiller.id).firstResultOptional().isPresent()) {
            throw new StateConflictException("match-one-open-per-pair", UNIQUE_MESSAGES.get("match_one_open_per_pair"));
        }
        Match match = new Match();
        match.id = id;
        match.postId = post.id;
        match.conseillerId = conseiller.id;
        match.siret = post.siret;
        match.state = MatchState.NEW;
        match.proximity = proximity;
        match.createdBy = actor;
        match.createdAt = history.now();
        match.updatedAt = match.createdAt;
        match.persist();
        history.created(match, actor, "proximity " + proximity);
        Conflicts.flush(entityManager, UNIQUE_MESSAGES);
        return detailsOf(match);
    }

    public MatchDetails shortlist(UUID id, Long expectedVersion, String siretScope, String actor) {
        Match match = lock(id, expectedVersion, siretScope, false).match();
        history.apply(match, MatchCommand.SHORTLIST, actor, null);
        return detailsOf(match);
    }

    public MatchDetails decline(UUID id, Long expectedVersion, String siretScope, String actor, String reason) {
        Match match = lock(id, expectedVersion, siretScope, false).match();
        history.apply(match, MatchCommand.DECLINE, actor, reason);
        return detailsOf(match);
    }

    /** SHORTLISTED → RECRUITED with a contract proposal that meets {@link ContractRules}; one at a time per post. */
    public MatchDetails recruit(UUID id, Long expectedVersion, String siretScope, String actor, ContractProposal proposal) {
        Locked locked = lock(id, expectedVersion, siretScope, false);
        Match match = locked.match();
        Post post = locked.post();
        MatchCommand.RECRUIT.apply(match.state);
        if (post.state != PostState.VACANT) {
            throw new StateConflictException("post-not-vacant", "the post is " + post.state + ", not VACANT");
        }
        if (Match.find("postId = ?1 and state = ?2", post.id, MatchState.RECRUITED).firstResultOptional().isPresent()) {
            throw new StateConflictException("match-one-recruitment-per-post",
                    UNIQUE_MESSAGES.get("match_one_recruitment_per_post"));
        }
        requireAvailable(conseillers.find(match.conseillerId).orElseThrow());
        rules.checkProposal(proposal);

        Contract contract = new Contract();
        contract.id = UUID.randomUUID();
        contract.matchId = match.id;
        contract.postId = post.id;
        contract.conseillerId = match.conseillerId;
        contract.applicationId = post.applicationId;
        contract.siret = post.siret;
        contract.contractType = proposal.contractType();
        contract.startDate = proposal.startDate();
        contract.endDate = proposal.endDate();
        contract.grossMonthlySalary = proposal.grossMonthlySalary().setScale(2, RoundingMode.UNNECESSARY);
        contract.weeklyHours = proposal.weeklyHours().setScale(2, RoundingMode.UNNECESSARY);
        contract.state = ContractState.PROPOSED;
        contract.proposedAt = history.now();
        contract.persist();
        match.contractId = contract.id;
        history.apply(match, MatchCommand.RECRUIT, actor, proposal.contractType() + " from " + proposal.startDate());
        Conflicts.flush(entityManager, UNIQUE_MESSAGES);
        return detailsOf(match);
    }

    public MatchDetails cancelRecruitment(UUID id, Long expectedVersion, String siretScope, String actor) {
        Match match = lock(id, expectedVersion, siretScope, false).match();
        history.apply(match, MatchCommand.CANCEL_RECRUITMENT, actor, null);
        Contract contract = lockContract(match);
        contract.state = ContractState.CANCELLED;
        return detailsOf(match);
    }

    /**
     * RECRUITED → FINALIZED (admin): the contract becomes active, the post OCCUPIED, the adviser RECRUITED, the
     * adviser's other pending matches OBSOLETE; emits ContractStarted.
     */
    public MatchDetails finalizeRecruitment(UUID id, Long expectedVersion, String actor) {
        Locked locked = lock(id, expectedVersion, null, true);
        Match match = locked.match();
        Post post = locked.post();
        Conseiller conseiller = locked.conseiller();
        MatchCommand.FINALIZE.apply(match.state);
        if (post.state != PostState.VACANT) {
            throw new StateConflictException("post-not-vacant", "the post is " + post.state + ", not VACANT");
        }
        requireAvailable(conseiller);
        history.apply(match, MatchCommand.FINALIZE, actor, null);
        post.state = post.state.to(PostState.OCCUPIED);
        conseiller.status = conseiller.status.to(ConseillerStatus.RECRUITED);
        conseiller.updatedAt = history.now();

        Contract contract = lockContract(match);
        contract.state = ContractState.ACTIVE;
        contract.startedAt = history.now();

        List<Match> others = Match.<Match> find("conseillerId = ?1 and id <> ?2 and state in "
                + HqlLiterals.inList(MatchState.PENDING), conseiller.id, match.id)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (Match other : others) {
            history.apply(other, MatchCommand.MAKE_OBSOLETE, actor, "the adviser was hired on post " + post.id);
            if (other.contractId != null) {
                Contract proposed = entityManager.find(Contract.class, other.contractId, LockModeType.PESSIMISTIC_WRITE);
                if (proposed.state == ContractState.PROPOSED) {
                    proposed.state = ContractState.CANCELLED;
                }
            }
        }
        Conflicts.flush(entityManager, UNIQUE_MESSAGES);
        outbox.publish(new ContractStarted(contract.id, post.id, post.applicationId, conseiller.id, post.siret,
                contract.contractType.name(), contract.startDate, contract.endDate, contract.grossMonthlySalary,
                contract.weeklyHours));
        return detailsOf(match);
    }

    /** FINALIZED → RUPTURE_DECLARED (structure): the date and reason wait for an admin's validation. */
    public MatchDetails declareRupture(UUID id, Long expectedVersion, String siretScope, String actor, RuptureDeclaration rupture) {
        Match match = lock(id, expectedVersion, siretScope, false).match();
        MatchCommand.DECLARE_RUPTURE.apply(match.state);
        Contract contract = lockContract(match);
        rules.checkRupture(rupture.date(), rupture.reason(), rupture.comment(), contract.startDate, contract.endDate,
                today());
        contract.ruptureDate = rupture.date();
        contract.ruptureReason = rupture.reason();
        contract.ruptureComment = rupture.comment() == null || rupture.comment().isBlank() ? null
                : rupture.comment().strip();
        contract.ruptureDeclaredAt = history.now();
        history.apply(match, MatchCommand.DECLARE_RUPTURE, actor, rupture.reason() + " on " + rupture.date());
        return detailsOf(match);
    }

    /** RUPTURE_DECLARED → ENDED (admin): the post is VACANT and the adviser AVAILABLE again; emits ContractEnded. */
    public MatchDetails validateRupture(UUID id, Long expectedVersion, String actor) {
        Locked locked = lock(id, expectedVersion, null, true);
        Match match = locked.match();
        history.apply(match, MatchCommand.VALIDATE_RUPTURE, actor, null);
        Contract contract = lockContract(match);
        end(contract, locked.post(), locked.conseiller(), contract.ruptureDate, contract.ruptureReason.name());
        return detailsOf(match);
    }

    /** RUPTURE_DECLARED → FINALIZED (admin): the contract goes on; the declaration stays in the history. */
    public MatchDetails cancelRupture(UUID id, Long expectedVersion, String actor) {
        Match match = lock(id, expectedVersion, null, false).match();
        MatchCommand.CANCEL_RUPTURE.apply(match.state);
        Contract contract = lockContract(match);
        String declared = contract.ruptureReason + " on " + contract.ruptureDate;
        contract.ruptureDate = null;
        contract.ruptureReason = null;
        contract.ruptureComment = null;
        contract.ruptureDeclaredAt = null;
        history.apply(match, MatchCommand.CANCEL_RUPTURE, actor, "cancelled: " + declared);
        return detailsOf(match);
    }

    /** Active contracts whose end date is before {@code asOf}: the natural-end job's work list. */
    @Transactional(TxType.SUPPORTS)
    public List<UUID> contractsEndedBefore(LocalDate asOf) {
        return entityManager.createQuery(
                "select c.id from Contract c where c.state = :active and c.endDate < :asOf order by c.endDate, c.id",
                UUID.class).setParameter("active", ContractState.ACTIVE).setParameter("asOf", asOf).getResultList();
    }

    /**
     * FINALIZED → ENDED with reason NATURAL_END, in its own transaction, when the contract's end date is before
     * {@code asOf}. False when there is nothing to do any more (another run ended it, or a rupture is pending).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean endNaturally(UUID contractId, LocalDate asOf, String actor) {
        List<UUID> matchIds = entityManager.createQuery("select c.matchId from Contract c where c.id = :id", UUID.class)
                .setParameter("id", contractId).getResultList();
        if (matchIds.isEmpty()) {
            return false;
        }
        Locked locked = lock(matchIds.get(0), null, null, true);
        Match match = locked.match();
        Post post = locked.post();
        Conseiller conseiller = locked.conseiller();
        Contract contract = entityManager.find(Contract.class, contractId, LockModeType.PESSIMISTIC_WRITE);
        if (contract.state != ContractState.ACTIVE || contract.endDate == null || !contract.endDate.isBefore(asOf)
                || !MatchCommand.END_NATURALLY.appliesTo(match.state)) {
            return false;
        }
        history.apply(match, MatchCommand.END_NATURALLY, actor, "end date " + contract.endDate + " passed");
        end(contract, post, conseiller, contract.endDate, NATURAL_END);
        return true;
    }

    @Transactional(TxType.SUPPORTS)
    public Optional<MatchDetails> details(UUID id) {
        return Match.<Match> findByIdOptional(id).map(this::detailsOf);
    }

    /** The match as its views show it; a command answers it from inside its own transaction. */
    private MatchDetails detailsOf(Match match) {
        return new MatchDetails(match, Post.findById(match.postId), Conseiller.findById(match.conseillerId),
                match.contractId == null ? null : Contract.findById(match.contractId), history.of(match.id));
    }

    /** A page of matches with their post, adviser and contract, loaded in three queries; no history. */
    @Transactional(TxType.SUPPORTS)
    public PageOf<MatchDetails> list(MatchFilter filter, PageRequest page) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (filter.siret() != null) {
            query.append(" and siret = :siret");
            parameters.and("siret", filter.siret());
        }
        if (filter.conseillerId() != null) {
            query.append(" and conseillerId = :conseiller");
            parameters.and("conseiller", filter.conseillerId());
        }
        if (filter.postId() != null) {
            query.append(" and postId = :post");
            parameters.and("post", filter.postId());
        }
        if (filter.state() != null) {
            query.append(" and state = :state");
            parameters.and("state", filter.state());
        }
        Sort sort = page.sortOr(Map.of("createdAt", "createdAt", "updatedAt", "updatedAt"),
                Sort.descending("createdAt").and("id"));
        PageOf<Match> matches = PageOf.of(Match.find(query.toString(), sort, parameters), page, Function.identity());
        Map<UUID, Post> postsById = byId(findAll(Post.class, ids(matches, m -> m.postId)), p -> p.id);
        Map<UUID, Conseiller> conseillersById = byId(findAll(Conseiller.class, ids(matches, m -> m.conseillerId)),
                c -> c.id);
        Map<UUID, Contract> contractsById = byId(findAll(Contract.class, ids(matches, m -> m.contractId)), c -> c.id);
        return new PageOf<>(matches.items().stream()
                .map(m -> new MatchDetails(m, postsById.get(m.postId), conseillersById.get(m.conseillerId),
                        m.contractId == null ? null : contractsById.get(m.contractId), null))
                .toList(), matches.page(), matches.size(), matches.totalItems());
    }

    private void end(Contract contract, Post post, Conseiller conseiller, LocalDate endedOn, String reason) {
        contract.state = ContractState.ENDED;
        contract.endedOn = endedOn;
        contract.endReason = reason;
        post.state = post.state.to(PostState.VACANT);
        conseiller.status = conseiller.status.to(ConseillerStatus.AVAILABLE);
        conseiller.updatedAt = history.now();
        outbox.publish(new ContractEnded(contract.id, post.id, post.applicationId, endedOn, reason));
    }

    private record Locked(Post post, Conseiller conseiller, Match match) {
    }

    /**
     * Locks the match's post, then (when the command changes the adviser) the adviser, then the match: always in that
     * order, so that two commands never wait for each other in a circle. A match outside the caller's scope does
     * not exist for it. {@code expectedVersion} (If-Match), when given, is compared under the lock, so no change can
     * slip in between the check and the command.
     */
    private Locked lock(UUID id, Long expectedVersion, String siretScope, boolean withConseiller) {
        List<Object[]> found = entityManager
                .createQuery("select m.postId, m.siret, m.conseillerId from Match m where m.id = :id", Object[].class)
                .setParameter("id", id).getResultList();
        if (found.isEmpty() || !inScope((String) found.get(0)[1], siretScope)) {
            throw new ResourceNotFoundException("Match", id);
        }
        Post post = posts.lock((UUID) found.get(0)[0]);
        Conseiller conseiller = withConseiller ? conseillers.lock((UUID) found.get(0)[2]) : null;
        Match match = entityManager.find(Match.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && expectedVersion != match.version) {
            throw new PreconditionFailedException("the match is at version " + match.version + ", not "
                    + expectedVersion);
        }
        return new Locked(post, conseiller, match);
    }

    private Contract lockContract(Match match) {
        return entityManager.find(Contract.class, match.contractId, LockModeType.PESSIMISTIC_WRITE);
    }

    private static void requireAvailable(Conseiller conseiller) {
        if (conseiller.status != ConseillerStatus.AVAILABLE) {
            throw new StateConflictException("conseiller-not-available", "the adviser is " + conseiller.status
                    + ", not AVAILABLE");
        }
    }

    private static boolean inScope(String siret, String siretScope) {
        return siretScope == null || siretScope.equals(siret);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private static List<UUID> ids(PageOf<Match> matches, Function<Match, UUID> id) {
        return matches.items().stream().map(id).filter(Objects::nonNull).distinct().toList();
    }

    /** The entities of these ids, loaded by id in one batch (an "in" query would be translated again each time). */
    private <T> List<T> findAll(Class<T> type, List<UUID> ids) {
        return ids.isEmpty() ? List.of()
                : entityManager.unwrap(Session.class).findMultiple(type, ids).stream().filter(Objects::nonNull).toList();
    }

    private static <T> Map<UUID, T> byId(List<T> entities, Function<T, UUID> id) {
        return entities.stream().collect(Collectors.toMap(id, Function.identity()));
    }
}
