package fr.cnfs.funding.domain.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * What one post is worth under a rule set, and how it is paid: the explanation of every amount of a grant.
 *
 * @param fundedMonths     the contract duration, at most the reference duration
 * @param fundedDays       fundedMonths × 30 (see {@link OccupationCalendar})
 * @param priorityArea     true when a QPV/ZRR bonus was added
 * @param mainlandAmount   the amount per post before the overseas increase
 * @param overseasRate     the increase rate of the territory, zero in the mainland
 * @param overseasIncrease amountPerPost − mainlandAmount
 */
public record FundingQuote(
        String phase,
        String ruleSetVersion,
        StructureCategory category,
        String territoryCode,
        int contractMonths,
        int fundedMonths,
        int fundedDays,
        int referenceMonths,
        boolean priorityArea,
        BigDecimal mainlandAmount,
        BigDecimal overseasRate,
        BigDecimal overseasIncrease,
        BigDecimal amountPerPost,
        int replacementWindowMonths,
        List<PlannedTranche> tranches) {

    public FundingQuote {
        tranches = List.copyOf(tranches);
    }

    /**
     * @param share         amount / amountPerPost, four decimals, for display
     * @param thresholdDays occupied days at which it becomes due; 0 for the first contract's start
     */
    public record PlannedTranche(int rank, BigDecimal share, BigDecimal amount, int thresholdDays, String trigger) {
    }
}
