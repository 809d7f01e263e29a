package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Version;

import fr.cnfs.funding.domain.rules.OccupationCalendar;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * The funding of one post, named by the post id the decision assigned, and the clock of its occupation.
 * <p>
 * Occupation is counted in days of 30 per month ({@link OccupationCalendar}): {@code occupiedDays} holds the days of
 * the ended contracts; the running contract adds the days from {@code countedFrom} to the evaluation date, but never
 * beyond its planned end. The funded period is {@code fundedDays = 30 × fundedMonths}, counting from the first
 * contract's start and through every contract that follows within the replacement window.
 * <p>
 * The methods change this object and its tranches only and return what changed; the service announces it.
 */
@Entity
public class PostFunding extends PanacheEntityBase {

    public static final String WINDOW_EXPIRED = "REPLACEMENT_WINDOW_EXPIRED";
    public static final String POST_RETURNED = "POST_RETURNED";

    @Id
    public UUID postId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "grant_id")
    public Grant grant;

    public UUID applicationId;
    public String siret;
    public BigDecimal amount;
    public int fundedMonths;
    public int fundedDays;
    public int replacementWindowMonths;

    @Enumerated(EnumType.STRING)
    public PostFundingStatus status;

    /** Days occupied by ended contracts (capped at fundedDays once completed). */
    public int occupiedDays;
    public UUID currentContractId;
    public LocalDate currentCountedFrom;
    /** The day after the running contract's planned end: occupation is not counted beyond it. Null for a CDI. */
    public LocalDate currentCountedUntil;
    public LocalDate firstContractStart;
    /** First day without a contract. */
    public LocalDate vacantSince;
    /** Last day a replacement contract may start for the funding to go on. */
    public LocalDate replacementDeadline;
    /** Next date a time-based trigger can fire; the daily evaluation looks at posts whose date has come. */
    public LocalDate nextCheckOn;
    public BigDecimal earnedAmount;
    public LocalDate completedOn;
    public LocalDate closedOn;
    public String closingReason;

    @OneToMany(mappedBy = "postFunding", cascade = CascadeType.PERSIST)
    @OrderBy("rank")
    public List<Tranche> tranches = new ArrayList<>();

    @Version
    public long version;

    /** Days occupied before {@code asOf}, capped at the funded days. */
    public int occupiedDaysAsOf(LocalDate asOf) {
        int days = occupiedDays;
        if (status == PostFundingStatus.OCCUPIED && currentCountedFrom != null) {
            LocalDate until = currentCountedUntil != null && currentCountedUntil.isBefore(asOf) ? currentCountedUntil : asOf;
            days += OccupationCalendar.daysBetween(currentCountedFrom, until);
        }
        return Math.min(days, fundedDays);
    }

    /** What the post has earned so far: the whole amount once completed, the closing figure once closed. */
    public BigDecimal earnedAsOf(LocalDate asOf) {
        if (earnedAmount != null) {
            return earnedAmount;
        }
        return FundingClosing.earned(amount, occupiedDaysAsOf(asOf), fundedDays);
    }

    /**
     * A contract starts counting on {@code countedFrom}: the first one makes the start tranche (T1) due, a replacement
     * resumes the accrual. {@code plannedEndDate} is the last day of a CDD, null for a CDI.
     */
    public List<FundingChange> startContract(UUID contractId, LocalDate countedFrom, LocalDate plannedEndDate) {
        requireTransition(PostFundingStatus.OCCUPIED);
        if (status == PostFundingStatus.AWAITING_CONTRACT) {
            firstContractStart = countedFrom;
        }
        status = PostFundingStatus.OCCUPIED;
        currentContractId = contractId;
        currentCountedFrom = countedFrom;
        currentCountedUntil = plannedEndDate == null ? null : plannedEndDate.plusDays(1);
        vacantSince = null;
        replacementDeadline = null;
        return accrueTo(countedFrom);
    }

    /**
     * The running contract ends on {@code endDate} (its last day): its days are added, the tranches they reach become
     * due, and the post is either completed or vacant until a replacement or the end of the window.
     * Returns the days this contract added.
     */
    public Ending endContract(LocalDate endDate) {
        if (status != PostFundingStatus.OCCUPIED) {
            throw new IllegalStateException("post " + postId + " is " + status + ", no contract is running");
        }
        LocalDate dayAfter = endDate.plusDays(1);
        currentCountedUntil = dayAfter.isBefore(currentCountedFrom) ? currentCountedFrom : dayAfter;
        int before = occupiedDays;
        int contractDays = Math.min(OccupationCalendar.daysBetween(currentCountedFrom, currentCountedUntil),
                fundedDays - before);
        List<FundingChange> changes = new ArrayList<>(accrueTo(currentCountedUntil));
        if (status == PostFundingStatus.OCCUPIED) {
            requireTransition(PostFundingStatus.VACANT);
            occupiedDays = before + contractDays;
            status = PostFundingStatus.VACANT;
            currentContractId = null;
            currentCountedFrom = null;
            currentCountedUntil = null;
            vacantSince = dayAfter;
            replacementDeadline = endDate.plusMonths(replacementWindowMonths);
            nextCheckOn = replacementDeadline.plusDays(1);
        }
        return new Ending(contractDays, changes);
    }

    public record Ending(int contractDays, List<FundingChange> changes) {
    }

    /**
     * Time-based triggers up to {@code asOf}: tranches whose occupation threshold is reached become due (dated the day
     * it was reached), the post completes when the funded period is fully occupied, and a vacant post whose
     * replacement window has passed closes. Evaluating the same date again changes nothing.
     */
    public List<FundingChange> evaluate(LocalDate asOf, Instant now) {
        if (status == PostFundingStatus.OCCUPIED) {
            return accrueTo(asOf);
        }
        if (isWindowExpiredOn(asOf)) {
            return close(replacementDeadline.plusDays(1), WINDOW_EXPIRED, now);
        }
        return List.of();
    }

    /** True for a vacant post whose replacement window has passed by that date. */
    public boolean isWindowExpiredOn(LocalDate date) {
        return status == PostFundingStatus.VACANT && date.isAfter(replacementDeadline);
    }

    /**
     * Closes the funding early: earned is computed on the occupied days, tranches not yet due are cancelled, and the
     * settlement decides the adjustment or the recovery ({@link FundingClosing}). The changes come in the order they
     * happen: cancellations, the adjustment, then the closing itself.
     */
    public List<FundingChange> close(LocalDate on, String reason, Instant now) {
        requireTransition(PostFundingStatus.CLOSED);
        FundingClosing.Settlement settlement = FundingClosing.settle(amount, occupiedDays, fundedDays,
                tranches.stream().map(t -> new FundingClosing.TrancheState(t.id, t.status, t.amount)).toList());
        List<FundingChange> changes = new ArrayList<>();
        for (Tranche tranche : List.copyOf(tranches)) {
            if (settlement.cancelled().contains(tranche.id)) {
                boolean wasDue = tranche.status == TrancheStatus.DUE;
                tranche.cancel(on, reason);
                changes.add(new FundingChange.TrancheCancelled(tranche, wasDue));
            }
        }
        status = PostFundingStatus.CLOSED;
        earnedAmount = settlement.earned();
        closedOn = on;
        closingReason = reason;
        nextCheckOn = null;
        if (settlement.adjustment().signum() > 0) {
            Tranche adjustment = newTranche(Tranche.ADJUSTMENT_RANK, settlement.adjustment(), occupiedDays, now);
            adjustment.status = TrancheStatus.PLANNED;
            adjustment.becomeDue(on);
            tranches.add(adjustment);
            changes.add(new FundingChange.TrancheBecameDue(adjustment));
        }
        changes.add(new FundingChange.Closed(on, reason, settlement, settlement.recovery()));
        return changes;
    }

    /** Adds a planned tranche at the award. */
    public Tranche plan(int rank, BigDecimal trancheAmount, int thresholdDays, Instant now) {
        Tranche tranche = newTranche(rank, trancheAmount, thresholdDays, now);
        tranche.status = TrancheStatus.PLANNED;
        tranches.add(tranche);
        return tranche;
    }

    private List<FundingChange> accrueTo(LocalDate asOf) {
        List<FundingChange> changes = new ArrayList<>();
        int occupied = occupiedDaysAsOf(asOf);
        List<Tranche> planned = tranches.stream().filter(t -> t.status == TrancheStatus.PLANNED)
                .sorted(Comparator.comparingInt((Tranche t) -> t.thresholdDays).thenComparingInt(t -> t.rank)).toList();
        for (Tranche tranche : planned) {
            if (tranche.thresholdDays <= occupied) {
                tranche.becomeDue(dateReaching(tranche.thresholdDays));
                changes.add(new FundingChange.TrancheBecameDue(tranche));
            }
        }
        if (occupied >= fundedDays) {
            requireTransition(PostFundingStatus.COMPLETED);
            completedOn = dateReaching(fundedDays);
            occupiedDays = fundedDays;
            status = PostFundingStatus.COMPLETED;
            earnedAmount = amount;
            nextCheckOn = null;
            changes.add(new FundingChange.Completed(completedOn));
            return changes;
        }
        nextCheckOn = nextTriggerDate().orElse(null);
        return changes;
    }

    /** When the running contract reaches the next threshold (a tranche or the end of the funded period). */
    private Optional<LocalDate> nextTriggerDate() {
        int next = tranches.stream().filter(t -> t.status == TrancheStatus.PLANNED).mapToInt(t -> t.thresholdDays)
                .min().orElse(fundedDays);
        LocalDate reached = dateReaching(Math.min(next, fundedDays));
        if (currentCountedUntil != null && reached.isAfter(currentCountedUntil)) {
            return Optional.empty(); // the contract ends before: its ContractEnded decides what comes next
        }
        return Optional.of(reached);
    }

    /** The date the running contract makes the occupation reach {@code days}. */
    private LocalDate dateReaching(int days) {
        if (days <= occupiedDays) {
            return currentCountedFrom;
        }
        return OccupationCalendar.dateReaching(currentCountedFrom, days - occupiedDays);
    }

    private Tranche newTranche(int rank, BigDecimal trancheAmount, int thresholdDays, Instant now) {
        Tranche tranche = new Tranche();
        tranche.id = UUID.randomUUID();
        tranche.postFunding = this;
        tranche.grantId = grant == null ? null : grant.id;
        tranche.applicationId = applicationId;
        tranche.campaignId = grant == null ? null : grant.campaignId;
        tranche.siret = siret;
        tranche.rank = rank;
        tranche.amount = trancheAmount;
        tranche.thresholdDays = thresholdDays;
        tranche.createdAt = now;
        return tranche;
    }

    private void requireTransition(PostFundingStatus target) {
        if (!status.canBecome(target)) {
            throw new IllegalStateException("post funding " + postId + " is " + status + " and cannot become " + target);
        }
    }
}
