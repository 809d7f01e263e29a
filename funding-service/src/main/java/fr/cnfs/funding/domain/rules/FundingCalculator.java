package fr.cnfs.funding.domain.rules;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

import fr.cnfs.funding.domain.Money;

/**
 * The amount per post and its tranche plan (DESIGN §5), computed exactly and rounded once:
 * {@code amountPerPost = round(base × fundedMonths / referenceMonths × (1 + overseasRate))}, half-even to the cent.
 * Tranches split it in proportion to their weights, the last one taking the remainder cent.
 */
public final class FundingCalculator {

    private FundingCalculator() {
    }

    public static FundingQuote quote(FundingRuleSet rules, StructureCategory category, int contractMonths,
            String territoryCode, boolean qpv, boolean zrr) {
        CategoryRule rule = rules.category(category).orElseThrow(() -> new FundingRuleException("category",
                "rule set " + rules.phase() + " does not fund " + category + " structures"));
        if (contractMonths < rules.minimumMonths() || contractMonths > rules.maximumMonths()) {
            throw new FundingRuleException("contract-duration", "contractMonths " + contractMonths
                    + " is outside the bounds of " + rules.phase() + ": " + bounds(rules));
        }
        int fundedMonths = Math.min(contractMonths, rule.referenceMonths());
        int fundedDays = OccupationCalendar.daysOfMonths(fundedMonths);
        boolean priorityArea = (qpv || zrr) && rule.hasPriorityAreaBonus();
        BigDecimal base = rule.baseAmount(priorityArea);
        BigDecimal rate = rules.overseasRate(territoryCode);

        BigDecimal prorated = base.multiply(BigDecimal.valueOf(fundedMonths));
        BigDecimal referenceMonths = BigDecimal.valueOf(rule.referenceMonths());
        BigDecimal mainland = prorated.divide(referenceMonths, Money.SCALE, Money.ROUNDING);
        BigDecimal amountPerPost = prorated.multiply(BigDecimal.ONE.add(rate)).divide(referenceMonths, Money.SCALE,
                Money.ROUNDING);

        List<BigDecimal> amounts = Money.split(amountPerPost, rule.weights(priorityArea));
        List<FundingQuote.PlannedTranche> plan = new ArrayList<>();
        for (int i = 0; i < rule.tranches().size(); i++) {
            TrancheRule tranche = rule.tranches().get(i);
            BigDecimal amount = amounts.get(i);
            BigDecimal share = amountPerPost.signum() == 0 ? BigDecimal.ZERO
                    : amount.divide(amountPerPost, 4, RoundingMode.HALF_EVEN);
            plan.add(new FundingQuote.PlannedTranche(tranche.rank(), share, amount,
                    tranche.dueAtOccupiedShare().thresholdDays(fundedDays), tranche.triggerDescription(fundedDays)));
        }
        return new FundingQuote(rules.phase(), rules.version(), category, territoryCode, contractMonths, fundedMonths,
                fundedDays, rule.referenceMonths(), priorityArea, mainland, rate, amountPerPost.subtract(mainland),
                amountPerPost, rules.replacementWindowMonths(), plan);
    }

    private static String bounds(FundingRuleSet rules) {
        return rules.minimumMonths() == rules.maximumMonths() ? "exactly " + rules.minimumMonths() + " months"
                : "from " + rules.minimumMonths() + " to " + rules.maximumMonths() + " months";
    }
}
