package fr.cnfs.funding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import fr.cnfs.funding.domain.rules.FundingCalculator;
import fr.cnfs.funding.domain.rules.BundledRuleSets;
import fr.cnfs.funding.domain.rules.FundingQuote;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.StructureCategory;

/**
 * Money properties over random categories, territories, durations and occupation histories (ruptures, replacements
 * within or after the window, payments, returned posts).
 */
class FundingPropertiesTest {

    static final Instant NOW = Instant.parse("2021-01-01T00:00:00Z");

    @Provide
    Arbitrary<String> territories() {
        return Arbitraries.of("69", "75", "2A", "13", "971", "972", "973", "974", "976", "975", "977", "978", "984",
                "986", "987", "988", "989");
    }

    @Provide
    Arbitrary<FundingRuleSet> ruleSets() {
        return Arbitraries.of(BundledRuleSets.PHASE_1, BundledRuleSets.PHASE_2);
    }

    @Property
    void everySplitSumsToItsTotalAndNoTrancheIsNegative(@ForAll("ruleSets") FundingRuleSet rules,
            @ForAll StructureCategory category, @ForAll("territories") String territory,
            @ForAll @IntRange(min = 12, max = 36) int months, @ForAll boolean qpv, @ForAll boolean zrr,
            @ForAll @IntRange(min = 1, max = 50) int posts) {
        int contractMonths = Math.max(months, rules.minimumMonths());
        FundingQuote quote = FundingCalculator.quote(rules, category, contractMonths, territory, qpv, zrr);
        BigDecimal sum = quote.tranches().stream().map(FundingQuote.PlannedTranche::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(quote.amountPerPost(), sum);
        assertTrue(quote.tranches().stream().allMatch(t -> t.amount().signum() >= 0 && t.amount().scale() == 2));
        assertTrue(quote.amountPerPost().signum() > 0);
        assertEquals(quote.amountPerPost(), quote.mainlandAmount().add(quote.overseasIncrease()));
        assertTrue(quote.overseasIncrease().signum() >= 0);
        assertTrue(quote.fundedMonths() <= contractMonths);
        assertEquals(quote.amountPerPost().multiply(BigDecimal.valueOf(posts)),
                Money.round(quote.amountPerPost().multiply(BigDecimal.valueOf(posts))));
    }

    @Property
    void moneySplitsSumExactlyWithTheRemainderOnTheLastPart(
            @ForAll @BigRange(min = "0.01", max = "10000000") BigDecimal rawTotal,
            @ForAll @Size(min = 1, max = 6) List<@IntRange(min = 1, max = 100000) Integer> rawWeights) {
        BigDecimal total = Money.round(rawTotal);
        List<BigDecimal> weights = rawWeights.stream().map(BigDecimal::valueOf).toList();
        List<BigDecimal> parts = Money.split(total, weights);
        assertEquals(total, parts.stream().reduce(Money.ZERO, BigDecimal::add));
        assertTrue(parts.stream().allMatch(part -> part.signum() >= 0 && part.scale() == 2));
        assertEquals(weights.size(), parts.size());
    }

    /**
     * A random occupation history: a first contract of random length, maybe paid tranches, a rupture, a replacement
     * (within the window or too late), and a closing by window or by return, evaluated at random dates.
     */
    @Property(tries = 500)
    void earnedNeverExceedsAwardedAndPaidMinusRecoveredNeverExceedsEarned(@ForAll("ruleSets") FundingRuleSet rules,
            @ForAll StructureCategory category, @ForAll("territories") String territory,
            @ForAll @IntRange(min = 12, max = 36) int months,
            @ForAll @IntRange(min = 0, max = 900) int startOffset,
            @ForAll @IntRange(min = 0, max = 1200) int firstContractDays,
            @ForAll @IntRange(min = 1, max = 200) int gapDays,
            @ForAll @IntRange(min = 0, max = 1200) int secondContractDays,
            @ForAll boolean payWhatIsDue, @ForAll boolean returnThePost, @ForAll boolean replace) {
        int contractMonths = Math.max(months, rules.minimumMonths());
        FundingQuote quote = FundingCalculator.quote(rules, category, contractMonths, territory, false, false);
        PostFunding post = post(quote);
        LocalDate start = LocalDate.of(2021, 1, 1).plusDays(startOffset);
        List<FundingChange> changes = new ArrayList<>(post.startContract(UUID.randomUUID(), start, null));

        LocalDate firstEnd = start.plusDays(firstContractDays);
        changes.addAll(post.evaluate(firstEnd, NOW));
        pay(post, payWhatIsDue, firstEnd);
        checkOpenInvariants(post);
        if (post.status == PostFundingStatus.OCCUPIED) {
            changes.addAll(post.endContract(firstEnd).changes());
            pay(post, payWhatIsDue, firstEnd);
        }
        LocalDate next = firstEnd.plusDays(gapDays);
        if (replace && post.status == PostFundingStatus.VACANT && !post.isWindowExpiredOn(next)) {
            changes.addAll(post.startContract(UUID.randomUUID(), next, null));
            LocalDate secondEnd = next.plusDays(secondContractDays);
            changes.addAll(post.evaluate(secondEnd, NOW));
            pay(post, payWhatIsDue, secondEnd);
            if (post.status == PostFundingStatus.OCCUPIED) {
                changes.addAll(post.endContract(secondEnd).changes());
            }
            next = secondEnd.plusDays(gapDays);
        }
        checkOpenInvariants(post);
        if (post.status == PostFundingStatus.VACANT) {
            changes.addAll(returnThePost && !post.isWindowExpiredOn(next)
                    ? post.close(next, PostFunding.POST_RETURNED, NOW)
                    : post.evaluate(next.plusMonths(4), NOW));
        }
        assertTrue(post.status.isFinal(), "every history ends completed or closed: " + post.status);

        BigDecimal earned = post.earnedAmount;
        BigDecimal paid = sum(post, TrancheStatus.PAID);
        BigDecimal due = sum(post, TrancheStatus.DUE);
        BigDecimal recovered = changes.stream().filter(FundingChange.Closed.class::isInstance)
                .map(c -> ((FundingChange.Closed) c).recovery()).reduce(Money.ZERO, BigDecimal::add);
        assertTrue(earned.compareTo(post.amount) <= 0, "earned " + earned + " > awarded " + post.amount);
        assertTrue(earned.signum() >= 0);
        assertTrue(paid.subtract(recovered).compareTo(earned) <= 0, "paid − recovered exceeds earned");
        assertEquals(earned, paid.add(due).subtract(recovered), "paid + due − recovered = earned");
        assertTrue(post.tranches.stream().allMatch(t -> t.amount.signum() >= 0));
        assertEquals(0, sum(post, TrancheStatus.PLANNED).signum());
        assertEquals(Money.round(post.amount.add(adjustment(post))), Money.round(paid.add(due).add(sum(post, TrancheStatus.CANCELLED))));
        if (post.status == PostFundingStatus.COMPLETED) {
            assertEquals(post.amount, earned);
            assertEquals(Money.ZERO, recovered);
        }
    }

    private static void checkOpenInvariants(PostFunding post) {
        BigDecimal all = sum(post, TrancheStatus.PAID).add(sum(post, TrancheStatus.DUE)).add(sum(post, TrancheStatus.PLANNED))
                .add(sum(post, TrancheStatus.CANCELLED));
        assertEquals(Money.round(post.amount.add(adjustment(post))), Money.round(all));
        assertTrue(post.occupiedDays <= post.fundedDays);
    }

    private static void pay(PostFunding post, boolean payWhatIsDue, LocalDate on) {
        if (payWhatIsDue) {
            post.tranches.stream().filter(t -> t.status == TrancheStatus.DUE)
                    .forEach(t -> t.pay(on, t.amount, "REF-" + t.id, NOW));
        }
    }

    private static BigDecimal adjustment(PostFunding post) {
        return post.tranches.stream().filter(Tranche::isAdjustment).map(t -> t.amount).reduce(Money.ZERO, BigDecimal::add);
    }

    private static BigDecimal sum(PostFunding post, TrancheStatus status) {
        return post.tranches.stream().filter(t -> t.status == status).map(t -> t.amount).reduce(Money.ZERO, BigDecimal::add);
    }

    private static PostFunding post(FundingQuote quote) {
        PostFunding post = new PostFunding();
        post.postId = UUID.randomUUID();
        post.applicationId = UUID.randomUUID();
        post.siret = "21690123100011";
        post.amount = quote.amountPerPost();
        post.fundedMonths = quote.fundedMonths();
        post.fundedDays = quote.fundedDays();
        post.replacementWindowMonths = quote.replacementWindowMonths();
        post.status = PostFundingStatus.AWAITING_CONTRACT;
        quote.tranches().forEach(t -> post.plan(t.rank(), t.amount(), t.thresholdDays(), NOW));
        return post;
    }
}
