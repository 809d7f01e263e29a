package fr.cnfs.funding.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import org.jboss.logging.Logger;

import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.funding.domain.rules.OccupationCalendar;
import fr.cnfs.plumbing.inbox.EventEnvelope;
import fr.cnfs.plumbing.inbox.RejectedEventException;

/**
 * Applies placement-service's events to the post fundings, inside the inbox transaction: contracts start and end,
 * posts are returned. An event that comes before what it needs is parked, and applied as soon as that arrives; a
 * contract that funding cannot accept goes to the dead-letter topic and creates nothing.
 * <p>
 * Each event is applied at most once: the inbox skips a redelivered event id, and a second event about the same
 * contract (same {@code contractId}) or a post already closed changes nothing.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class PostOccupationService {

    private static final Logger LOG = Logger.getLogger(PostOccupationService.class);

    private final ParkedEvents parking;
    private final FundingOutcomes outcomes;
    private final Clock clock;

    PostOccupationService(ParkedEvents parking, FundingOutcomes outcomes, Clock clock) {
        this.parking = parking;
        this.outcomes = outcomes;
        this.clock = clock;
    }

    public void onContractStarted(ContractStarted started, EventEnvelope envelope) {
        ContractCompliance.breachOf(started).ifPresent(breach -> {
            throw new RejectedEventException("contract " + started.contractId() + " cannot be funded: " + breach);
        });
        applyOrPark(started, envelope, started.postId(), started.contractId(), contractStarted(started));
    }

    public void onContractEnded(ContractEnded ended, EventEnvelope envelope) {
        if (ended.contractId() == null || ended.postId() == null || ended.endDate() == null) {
            throw new RejectedEventException("contractId, postId and endDate are required");
        }
        applyOrPark(ended, envelope, ended.postId(), ended.contractId(), contractEnded(ended));
    }

    public void onPostReturned(PostReturned returned, EventEnvelope envelope) {
        if (returned.postId() == null || returned.returnedOn() == null) {
            throw new RejectedEventException("postId and returnedOn are required");
        }
        applyOrPark(returned, envelope, returned.postId(), null, postReturned(returned));
    }

    /**
     * Applies the events parked for a post, in arrival order, until none of them can move: called in the transaction
     * of whatever may have unblocked them (a grant, a contract start, a contract end).
     */
    public void applyParked(UUID postId) {
        boolean progress = true;
        while (progress) {
            progress = false;
            for (ParkedEvent parked : ParkedEvent.waitingOnPost(postId)) {
                Optional<String> blocker;
                try {
                    blocker = apply(parking.payloadOf(parked));
                } catch (RejectedEventException e) {
                    LOG.warnf("Parked event %s (%s) rejected: %s", parked.eventId, parked.eventType, e.getMessage());
                    parking.reject(parked, e.getMessage());
                    progress = true;
                    continue;
                }
                if (blocker.isEmpty()) {
                    parking.applied(parked);
                    progress = true;
                } else {
                    parked.waitingFor = blocker.get();
                }
            }
        }
    }

    /** Time-based triggers of one post up to {@code asOf}: the daily evaluation's unit of work. */
    @Transactional(TxType.REQUIRED)
    public FundingOutcomes.Tally evaluate(UUID postId, LocalDate asOf) {
        PostFunding post = lockWithGrant(postId);
        if (post == null) {
            return FundingOutcomes.Tally.NONE;
        }
        return outcomes.record(post, post.evaluate(asOf, now()));
    }

    private void applyOrPark(CnfsEvent event, EventEnvelope envelope, UUID postId, UUID contractId,
            Optional<String> blocker) {
        if (blocker.isPresent()) {
            LOG.infof("Event %s (%s) on post %s parked, waiting for %s", envelope.id(), envelope.type(), postId,
                    blocker.get());
            parking.park(envelope, event, postId, contractId, blocker.get());
        } else {
            applyParked(postId);
        }
    }

    private Optional<String> apply(CnfsEvent event) {
        if (event instanceof ContractStarted started) {
            return contractStarted(started);
        }
        if (event instanceof ContractEnded ended) {
            return contractEnded(ended);
        }
        if (event instanceof PostReturned returned) {
            return postReturned(returned);
        }
        throw new RejectedEventException("funding does not apply " + event.eventType());
    }

    /** Applies the start, or says what it waits for. */
    private Optional<String> contractStarted(ContractStarted started) {
        PostFunding post = lockWithGrant(started.postId());
        if (post == null) {
            return Optional.of(grantOf(started.postId()));
        }
        requireSameApplication(post, started.applicationId());
        if (started.siret() != null && !started.siret().equals(post.siret)) {
            throw new RejectedEventException("contract " + started.contractId() + " is signed by SIRET " + started.siret()
                    + " but post " + post.postId + " is funded to " + post.siret);
        }
        PostContract known = PostContract.findById(started.contractId());
        if (known != null) {
            if (!known.postId.equals(started.postId())) {
                throw new RejectedEventException("contract " + started.contractId() + " is already on post " + known.postId);
            }
            return Optional.empty(); // the same contract again: already applied
        }
        List<FundingChange> changes = new ArrayList<>();
        if (post.isWindowExpiredOn(started.startDate())) {
            // The replacement came too late: the funding closed when the window passed, whenever that is noticed.
            changes.addAll(post.close(post.replacementDeadline.plusDays(1), PostFunding.WINDOW_EXPIRED, now()));
        }
        if (post.status == PostFundingStatus.OCCUPIED) {
            return Optional.of("the end of contract " + post.currentContractId + ", still running on post " + post.postId);
        }
        PostContract contract = new PostContract();
        contract.contractId = started.contractId();
        contract.postId = started.postId();
        contract.conseillerId = started.conseillerId();
        contract.contractType = started.contractType();
        contract.startDate = started.startDate();
        contract.plannedEndDate = started.endDate();
        contract.grossMonthlySalary = started.grossMonthlySalary();
        contract.weeklyHours = started.weeklyHours();
        contract.recordedAt = now();
        contract.counted = post.status.acceptsContract();
        if (contract.counted) {
            // A contract starting before the previous one ended is counted from the first vacant day, never twice.
            contract.countedFrom = post.vacantSince != null && started.startDate().isBefore(post.vacantSince)
                    ? post.vacantSince : started.startDate();
            changes.addAll(post.startContract(contract.contractId, contract.countedFrom, started.endDate()));
        } else {
            contract.occupiedDays = 0;
        }
        contract.persist();
        outcomes.record(post, changes);
        return Optional.empty();
    }

    private Optional<String> contractEnded(ContractEnded ended) {
        PostFunding post = lockWithGrant(ended.postId());
        if (post == null) {
            return Optional.of(grantOf(ended.postId()));
        }
        requireSameApplication(post, ended.applicationId());
        PostContract contract = PostContract.findById(ended.contractId());
        if (contract == null) {
            return Optional.of("the start of contract " + ended.contractId() + " (ContractStarted)");
        }
        if (!contract.postId.equals(ended.postId())) {
            throw new RejectedEventException("contract " + ended.contractId() + " is on post " + contract.postId
                    + ", not " + ended.postId());
        }
        if (contract.endDate != null) {
            return Optional.empty(); // already ended
        }
        if (ended.endDate().isBefore(contract.startDate)) {
            throw new RejectedEventException("contract " + ended.contractId() + " ends on " + ended.endDate()
                    + ", before its start on " + contract.startDate);
        }
        contract.endDate = ended.endDate();
        contract.endReason = ended.reason();
        List<FundingChange> changes = List.of();
        if (contract.counted && post.status == PostFundingStatus.OCCUPIED
                && contract.contractId.equals(post.currentContractId)) {
            PostFunding.Ending ending = post.endContract(ended.endDate());
            contract.occupiedDays = ending.contractDays();
            changes = ending.changes();
        } else if (contract.counted && contract.contractId.equals(post.currentContractId)
                && post.status == PostFundingStatus.COMPLETED) {
            // The funded period was completed while it ran: it counted up to the completion.
            LocalDate until = post.completedOn.isBefore(ended.endDate().plusDays(1)) ? post.completedOn
                    : ended.endDate().plusDays(1);
            contract.occupiedDays = OccupationCalendar.daysBetween(contract.countedFrom, until);
        }
        outcomes.record(post, changes);
        return Optional.empty();
    }

    private Optional<String> postReturned(PostReturned returned) {
        PostFunding post = lockWithGrant(returned.postId());
        if (post == null) {
            return Optional.of(grantOf(returned.postId()));
        }
        requireSameApplication(post, returned.applicationId());
        if (post.status.isFinal()) {
            return Optional.empty(); // completed or already closed: nothing left to close
        }
        if (post.status == PostFundingStatus.OCCUPIED) {
            return Optional.of("the end of contract " + post.currentContractId + ", still running on post " + post.postId);
        }
        List<FundingChange> changes = post.isWindowExpiredOn(returned.returnedOn())
                ? post.close(post.replacementDeadline.plusDays(1), PostFunding.WINDOW_EXPIRED, now())
                : post.close(returned.returnedOn(), PostFunding.POST_RETURNED, now());
        outcomes.record(post, changes);
        return Optional.empty();
    }

    private static void requireSameApplication(PostFunding post, UUID applicationId) {
        if (applicationId != null && !Objects.equals(applicationId, post.applicationId)) {
            throw new RejectedEventException("post " + post.postId + " belongs to application " + post.applicationId
                    + ", not " + applicationId);
        }
    }

    private static String grantOf(UUID postId) {
        return "the grant of post " + postId + " (ApplicationApproved)";
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Locks the post's grant, then the post; null when funding does not know the post. The grant's status follows all
     * of its posts, and events of two posts of one grant are applied side by side (one consumer per partition): each
     * change of a post holds its grant's row, so that two of them never decide the grant's status from stale views.
     */
    private static PostFunding lockWithGrant(UUID postId) {
        List<UUID> grantIds = PostFunding.getEntityManager()
                .createQuery("select p.grant.id from PostFunding p where p.postId = ?1", UUID.class)
                .setParameter(1, postId).getResultList();
        if (grantIds.isEmpty()) {
            return null;
        }
        Grant.getEntityManager().find(Grant.class, grantIds.get(0), LockModeType.PESSIMISTIC_WRITE);
        return PostFunding.findById(postId, LockModeType.PESSIMISTIC_WRITE);
    }
}
