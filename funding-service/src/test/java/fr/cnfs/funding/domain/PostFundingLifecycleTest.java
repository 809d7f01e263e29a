package fr.cnfs.funding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.funding.domain.rules.FundingCalculator;
import fr.cnfs.funding.domain.rules.BundledRuleSets;
import fr.cnfs.funding.domain.rules.FundingQuote;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.StructureCategory;

/** The life of one post funding, in memory: occupation, tranches, rupture, replacement, closing. */
class PostFundingLifecycleTest {

    static final Instant NOW = Instant.parse("2021-06-01T08:00:00Z");

    @Test
    void theLyonExampleOfDesignFiveClosesWithARecoveryOf4166_67() {
        // A public post in Lyon at €50,000 over 24 months; the adviser resigns after 10 months, T1 paid, no replacement.
        PostFunding post = post(phase1(), StructureCategory.PUBLIC, 24, "69");
        List<FundingChange> started = post.startContract(UUID.randomUUID(), LocalDate.of(2021, 9, 1), LocalDate.of(2023, 8, 31));
        assertEquals(1, started.size());
        Tranche t1 = tranche(post, 1);
        assertEquals(TrancheStatus.DUE, t1.status);
        assertEquals(LocalDate.of(2021, 9, 1), t1.dueDate);
        t1.pay(LocalDate.of(2021, 9, 20), t1.amount, "ASP-1", NOW);

        PostFunding.Ending ending = post.endContract(LocalDate.of(2022, 6, 30));
        assertEquals(300, ending.contractDays());
        assertTrue(ending.changes().isEmpty());
        assertEquals(PostFundingStatus.VACANT, post.status);
        assertEquals(LocalDate.of(2022, 7, 1), post.vacantSince);
        assertEquals(LocalDate.of(2022, 9, 30), post.replacementDeadline);
        assertEquals(LocalDate.of(2022, 10, 1), post.nextCheckOn);

        assertTrue(post.evaluate(LocalDate.of(2022, 9, 30), NOW).isEmpty(), "the window is still open on its last day");
        List<FundingChange> closing = post.evaluate(LocalDate.of(2022, 10, 1), NOW);
        assertEquals(PostFundingStatus.CLOSED, post.status);
        assertEquals(LocalDate.of(2022, 10, 1), post.closedOn);
        assertEquals(PostFunding.WINDOW_EXPIRED, post.closingReason);
        assertEquals(new BigDecimal("20833.33"), post.earnedAmount);
        FundingChange.Closed closed = (FundingChange.Closed) closing.get(closing.size() - 1);
        assertEquals(new BigDecimal("4166.67"), closed.recovery());
        assertEquals(TrancheStatus.CANCELLED, tranche(post, 2).status);
        assertEquals(TrancheStatus.CANCELLED, tranche(post, 3).status);
        assertEquals(2, closing.stream().filter(FundingChange.TrancheCancelled.class::isInstance).count());
        assertTrue(post.evaluate(LocalDate.of(2023, 1, 1), NOW).isEmpty(), "closed is final");
    }

    @Test
    void aReplacementWithinTheWindowKeepsTheFundingGoingToTheThirdTranche() {
        PostFunding post = post(phase1(), StructureCategory.PUBLIC, 24, "69");
        post.startContract(UUID.randomUUID(), LocalDate.of(2021, 9, 1), null);
        assertEquals(LocalDate.of(2022, 9, 1), post.nextCheckOn);
        assertTrue(post.evaluate(LocalDate.of(2022, 8, 31), NOW).isEmpty());

        List<FundingChange> t2 = post.evaluate(LocalDate.of(2022, 10, 15), NOW);
        assertEquals(1, t2.size());
        assertEquals(TrancheStatus.DUE, tranche(post, 2).status);
        assertEquals(LocalDate.of(2022, 9, 1), tranche(post, 2).dueDate, "dated the day the threshold was reached");
        assertTrue(post.evaluate(LocalDate.of(2022, 10, 15), NOW).isEmpty(), "the same date again changes nothing");

        // Rupture after 14 months (420 days), replaced 2 months later.
        post.endContract(LocalDate.of(2022, 10, 31));
        assertEquals(420, post.occupiedDays);
        assertEquals(LocalDate.of(2023, 1, 31), post.replacementDeadline);
        post.startContract(UUID.randomUUID(), LocalDate.of(2023, 1, 2), null);
        assertEquals(PostFundingStatus.OCCUPIED, post.status);
        // 300 days left from 2 January 2023: reached on 2 November 2023.
        assertEquals(LocalDate.of(2023, 11, 2), post.nextCheckOn);
        List<FundingChange> completion = post.evaluate(LocalDate.of(2023, 12, 1), NOW);
        assertEquals(PostFundingStatus.COMPLETED, post.status);
        assertEquals(LocalDate.of(2023, 11, 2), post.completedOn);
        assertEquals(LocalDate.of(2023, 11, 2), tranche(post, 3).dueDate);
        assertEquals(720, post.occupiedDays);
        assertEquals(new BigDecimal("50000.00"), post.earnedAsOf(LocalDate.of(2024, 1, 1)));
        assertEquals(2, completion.size());
        assertNull(post.nextCheckOn);
    }

    @Test
    void aCddEndingBeforeTheThresholdDoesNotAccruePastItsPlannedEnd() {
        PostFunding post = post(phase1(), StructureCategory.PUBLIC, 24, "69");
        post.startContract(UUID.randomUUID(), LocalDate.of(2021, 9, 1), LocalDate.of(2022, 2, 28));
        assertNull(post.nextCheckOn, "no threshold before the planned end: its ContractEnded decides");
        assertTrue(post.evaluate(LocalDate.of(2023, 1, 1), NOW).isEmpty());
        assertEquals(180, post.occupiedDaysAsOf(LocalDate.of(2023, 1, 1)));
    }

    @Test
    void closingWithMoreEarnedThanPaidAndDueMakesAnAdjustmentTranche() {
        PostFunding post = post(phase1(), StructureCategory.PUBLIC, 24, "69");
        post.startContract(UUID.randomUUID(), LocalDate.of(2021, 9, 1), null);
        post.evaluate(LocalDate.of(2023, 1, 1), NOW); // T2 due (360 days reached on 2022-09-01)
        post.endContract(LocalDate.of(2023, 2, 28)); // 18 months: 540 days
        assertEquals(540, post.occupiedDays);
        List<FundingChange> changes = post.close(LocalDate.of(2023, 3, 15), PostFunding.POST_RETURNED, NOW);
        // earned 37,500.00; T1 25,000 + T2 15,000 due = 40,000 > earned: the due tranches are cancelled, 37,500 due as one.
        assertEquals(new BigDecimal("37500.00"), post.earnedAmount);
        Tranche adjustment = tranche(post, Tranche.ADJUSTMENT_RANK);
        assertEquals(new BigDecimal("37500.00"), adjustment.amount);
        assertEquals(TrancheStatus.DUE, adjustment.status);
        assertEquals(3, changes.stream().filter(FundingChange.TrancheCancelled.class::isInstance).count());
        assertEquals(2, changes.stream().filter(c -> c instanceof FundingChange.TrancheCancelled cancelled && cancelled.wasDue()).count());
    }

    @Test
    void aPostReturnedBeforeAnyContractClosesWithNothingEarned() {
        PostFunding post = post(phase1(), StructureCategory.PRIVATE, 18, "75");
        List<FundingChange> changes = post.close(LocalDate.of(2021, 12, 1), PostFunding.POST_RETURNED, NOW);
        assertEquals(Money.ZERO, post.earnedAmount);
        assertEquals(4, changes.size());
        assertTrue(post.tranches.stream().allMatch(t -> t.status == TrancheStatus.CANCELLED));
    }

    @Test
    void illegalTransitionsAreRefusedAndChangeNothing() {
        PostFunding post = post(phase1(), StructureCategory.PUBLIC, 24, "69");
        assertThrows(IllegalStateException.class, () -> post.endContract(LocalDate.of(2021, 1, 1)));
        post.startContract(UUID.randomUUID(), LocalDate.of(2021, 9, 1), null);
        assertThrows(IllegalStateException.class, () -> post.startContract(UUID.randomUUID(), LocalDate.of(2021, 10, 1), null));
        assertThrows(IllegalStateException.class, () -> post.close(LocalDate.of(2021, 10, 1), PostFunding.POST_RETURNED, NOW));
        assertEquals(PostFundingStatus.OCCUPIED, post.status);
        assertEquals(LocalDate.of(2021, 9, 1), post.currentCountedFrom);
    }

    static FundingRuleSet phase1() {
        return BundledRuleSets.PHASE_1;
    }

    static PostFunding post(FundingRuleSet rules, StructureCategory category, int months, String territory) {
        FundingQuote quote = FundingCalculator.quote(rules, category, months, territory, false, false);
        PostFunding post = new PostFunding();
        post.postId = UUID.randomUUID();
        post.applicationId = UUID.randomUUID();
        post.siret = "21690123100011";
        post.amount = quote.amountPerPost();
        post.fundedMonths = quote.fundedMonths();
        post.fundedDays = quote.fundedDays();
        post.replacementWindowMonths = quote.replacementWindowMonths();
        post.status = PostFundingStatus.AWAITING_CONTRACT;
        for (FundingQuote.PlannedTranche planned : quote.tranches()) {
            post.plan(planned.rank(), planned.amount(), planned.thresholdDays(), NOW);
        }
        return post;
    }

    static Tranche tranche(PostFunding post, int rank) {
        return post.tranches.stream().filter(t -> t.rank == rank).findFirst().orElseThrow();
    }
}
