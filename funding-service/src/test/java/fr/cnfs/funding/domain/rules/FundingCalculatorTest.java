package fr.cnfs.funding.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.funding.domain.FundingRuleCatalog;

/** The worked examples of DESIGN §5 and of the funding issue, to the cent. */
class FundingCalculatorTest {

    private static final FundingRuleSet PHASE_1 = BundledRuleSets.PHASE_1;
    private static final FundingRuleSet PHASE_2 = BundledRuleSets.PHASE_2;

    @Test
    void aPublicTwentyFourMonthPostInTheMainlandIsFiftyThousandIn25_15_10() {
        FundingQuote quote = FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 24, "69", false, false);
        assertEquals(euros("50000.00"), quote.amountPerPost());
        assertEquals(List.of(euros("25000.00"), euros("15000.00"), euros("10000.00")), amounts(quote));
        assertEquals(List.of(0, 360, 720), quote.tranches().stream().map(FundingQuote.PlannedTranche::thresholdDays).toList());
        assertEquals(720, quote.fundedDays());
        assertEquals(BigDecimal.ZERO, quote.overseasRate());
    }

    @Test
    void theSamePostInGuadeloupeIsSeventyThousand() {
        FundingQuote quote = FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 24, "971", false, false);
        assertEquals(euros("70000.00"), quote.amountPerPost());
        assertEquals(euros("50000.00"), quote.mainlandAmount());
        assertEquals(euros("20000.00"), quote.overseasIncrease());
        assertEquals(List.of(euros("35000.00"), euros("21000.00"), euros("14000.00")), amounts(quote));
    }

    @Test
    void aPublicEighteenMonthPostIsThirtySevenThousandFiveHundred() {
        FundingQuote quote = FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 18, "69", false, false);
        assertEquals(euros("37500.00"), quote.amountPerPost());
        assertEquals(List.of(euros("18750.00"), euros("11250.00"), euros("7500.00")), amounts(quote));
        assertEquals(List.of(0, 270, 540), quote.tranches().stream().map(FundingQuote.PlannedTranche::thresholdDays).toList());
    }

    @Test
    void aPrivateEighteenMonthPostIsFortyThousand() {
        FundingQuote quote = FundingCalculator.quote(PHASE_1, StructureCategory.PRIVATE, 18, "75", false, false);
        assertEquals(euros("40000.00"), quote.amountPerPost());
        assertEquals(List.of(euros("20000.00"), euros("12000.00"), euros("8000.00")), amounts(quote));
    }

    @Test
    void fundingStopsAtTheReferenceDuration() {
        assertEquals(euros("40000.00"), FundingCalculator.quote(PHASE_1, StructureCategory.PRIVATE, 24, "75", false, false).amountPerPost());
        FundingQuote publicThirtySix = FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 36, "69", false, false);
        assertEquals(euros("50000.00"), publicThirtySix.amountPerPost());
        assertEquals(24, publicThirtySix.fundedMonths());
    }

    @Test
    void anOddDurationIsRoundedOnceAndTheLastTrancheTakesTheRemainderCent() {
        // 50,000 × 13 / 24 = 27,083.333… → 27,083.33; 50 % = 13,541.665 → 13,541.66 (half-even), 30 % = 8,124.999 → 8,125.00
        FundingQuote quote = FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 13, "69", false, false);
        assertEquals(euros("27083.33"), quote.amountPerPost());
        assertEquals(List.of(euros("13541.66"), euros("8125.00"), euros("5416.67")), amounts(quote));
        // Overseas, rounded once: 50,000 × 13 × 1.4 / 24 = 37,916.666… → 37,916.67 (not 27,083.33 × 1.4 = 37,916.66).
        assertEquals(euros("37916.67"), FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 13, "973", false, false).amountPerPost());
    }

    @Test
    void aComTerritoryIsInTheOverseasTable() {
        assertEquals(euros("70000.00"), FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 24, "987", false, false).amountPerPost());
        assertEquals(euros("56000.00"), FundingCalculator.quote(PHASE_1, StructureCategory.PRIVATE, 18, "975", false, false).amountPerPost());
    }

    @Test
    void phaseTwoPaysOneTrancheAYearOverThirtySixMonths() {
        FundingQuote publicPost = FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 36, "69", false, false);
        assertEquals(euros("42500.00"), publicPost.amountPerPost());
        assertEquals(List.of(euros("17500.00"), euros("12500.00"), euros("12500.00")), amounts(publicPost));
        assertEquals(List.of(0, 360, 720), publicPost.tranches().stream().map(FundingQuote.PlannedTranche::thresholdDays).toList());
        assertEquals(1080, publicPost.fundedDays());

        FundingQuote priorityArea = FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 36, "69", true, false);
        assertTrue(priorityArea.priorityArea());
        assertEquals(euros("50000.00"), priorityArea.amountPerPost());
        assertEquals(List.of(euros("20000.00"), euros("17500.00"), euros("12500.00")), amounts(priorityArea));
        assertEquals(euros("50000.00"), FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 36, "69", false, true).amountPerPost());
        assertEquals(euros("50000.00"), FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 36, "69", true, true).amountPerPost());

        FundingQuote privatePost = FundingCalculator.quote(PHASE_2, StructureCategory.PRIVATE, 36, "69", true, true);
        assertFalse(privatePost.priorityArea());
        assertEquals(euros("44000.00"), privatePost.amountPerPost());
        assertEquals(List.of(euros("20000.00"), euros("14000.00"), euros("10000.00")), amounts(privatePost));
    }

    @Test
    void phaseTwoOverseasIncreasesEveryYear() {
        FundingQuote quote = FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 36, "974", true, false);
        assertEquals(euros("70000.00"), quote.amountPerPost());
        assertEquals(List.of(euros("28000.00"), euros("24500.00"), euros("17500.00")), amounts(quote));
    }

    @Test
    void aDurationOutsideThePhaseBoundsIsRefused() {
        FundingRuleException shortOne = assertThrows(FundingRuleException.class,
                () -> FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 11, "69", false, false));
        assertEquals("contract-duration", shortOne.rule());
        assertThrows(FundingRuleException.class, () -> FundingCalculator.quote(PHASE_1, StructureCategory.PUBLIC, 37, "69", false, false));
        assertThrows(FundingRuleException.class, () -> FundingCalculator.quote(PHASE_2, StructureCategory.PUBLIC, 24, "69", false, false));
    }

    @Test
    void theOverseasTableCanBeOverriddenByConfiguration() {
        FundingRuleCatalog configured = new FundingRuleCatalog(List.of("funding-rules/phase-1.json"),
                Map.of("973", new BigDecimal("0.45"), "972", BigDecimal.ZERO), "PHASE_1");
        FundingRuleSet rules = configured.defaultRuleSet();
        assertEquals(euros("72500.00"), FundingCalculator.quote(rules, StructureCategory.PUBLIC, 24, "973", false, false).amountPerPost());
        assertEquals(euros("50000.00"), FundingCalculator.quote(rules, StructureCategory.PUBLIC, 24, "972", false, false).amountPerPost());
        assertEquals(euros("70000.00"), FundingCalculator.quote(rules, StructureCategory.PUBLIC, 24, "971", false, false).amountPerPost());
        assertThrows(IllegalArgumentException.class, () -> new FundingRuleCatalog(List.of("funding-rules/phase-1.json"),
                Map.of("973", new BigDecimal("1.5")), "PHASE_1"));
    }

    private static List<BigDecimal> amounts(FundingQuote quote) {
        return quote.tranches().stream().map(FundingQuote.PlannedTranche::amount).toList();
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }
}
