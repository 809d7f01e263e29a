package fr.cnfs.funding.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.contracts.events.RecoveryIssued;
import fr.cnfs.contracts.events.TrancheCancelled;
import fr.cnfs.contracts.events.TrancheDue;
import fr.cnfs.plumbing.outbox.Outbox;

/**
 * Turns what a post funding step changed into its consequences, in the same transaction: TrancheDue and
 * TrancheCancelled through the outbox, a {@link Recovery} with RecoveryIssued at closing, the grant's status.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class FundingOutcomes {

    private final Outbox outbox;
    private final Clock clock;

    FundingOutcomes(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    /** What one step did, for the evaluation report. */
    public record Tally(int tranchesDue, int adjustmentsDue, int completed, int closed, int recoveries) {

        public static final Tally NONE = new Tally(0, 0, 0, 0, 0);

        public Tally plus(Tally other) {
            return new Tally(tranchesDue + other.tranchesDue, adjustmentsDue + other.adjustmentsDue,
                    completed + other.completed, closed + other.closed, recoveries + other.recoveries);
        }
    }

    public Tally record(PostFunding post, List<FundingChange> changes) {
        int due = 0;
        int adjustments = 0;
        int completed = 0;
        int closed = 0;
        int recoveries = 0;
        for (FundingChange change : changes) {
            if (change instanceof FundingChange.TrancheBecameDue becameDue) {
                Tranche tranche = becameDue.tranche();
                if (tranche.isAdjustment()) {
                    adjustments++;
                } else {
                    due++;
                }
                outbox.publish(new TrancheDue(tranche.id, post.grant.id, post.postId, post.applicationId, post.siret,
                        tranche.rank, tranche.amount, tranche.dueDate));
            } else if (change instanceof FundingChange.TrancheCancelled cancelled && cancelled.wasDue()) {
                Tranche tranche = cancelled.tranche();
                outbox.publish(new TrancheCancelled(tranche.id, post.grant.id, post.postId, post.applicationId,
                        post.siret, tranche.rank, tranche.amount, tranche.cancelledOn, tranche.cancellationReason));
            } else if (change instanceof FundingChange.Completed) {
                completed++;
            } else if (change instanceof FundingChange.Closed closing) {
                closed++;
                if (closing.recovery().signum() > 0) {
                    issueRecovery(post, closing);
                    recoveries++;
                }
            }
        }
        if (!changes.isEmpty()) {
            post.grant.refreshStatus();
        }
        return new Tally(due, adjustments, completed, closed, recoveries);
    }

    private void issueRecovery(PostFunding post, FundingChange.Closed closing) {
        Recovery recovery = new Recovery();
        recovery.id = UUID.randomUUID();
        recovery.grantId = post.grant.id;
        recovery.postId = post.postId;
        recovery.applicationId = post.applicationId;
        recovery.campaignId = post.grant.campaignId;
        recovery.siret = post.siret;
        recovery.amount = closing.recovery();
        recovery.earnedAmount = closing.settlement().earned();
        recovery.paidAmount = closing.settlement().paid();
        recovery.settledAmount = Money.ZERO;
        recovery.reason = closing.reason() + ": paid " + closing.settlement().paid() + ", earned "
                + closing.settlement().earned() + " for " + post.occupiedDays + " of " + post.fundedDays + " funded days";
        recovery.issuedOn = closing.on();
        recovery.status = RecoveryStatus.ISSUED;
        recovery.createdAt = now();
        recovery.persist();
        outbox.publish(new RecoveryIssued(recovery.id, recovery.grantId, recovery.postId, recovery.applicationId,
                recovery.siret, recovery.amount, recovery.reason));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
