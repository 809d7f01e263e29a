package fr.cnfs.funding.domain.rules;

import java.math.BigDecimal;

/**
 * One tranche of a rule set's plan. A tranche is weighted either by a {@code share} of the amount per post (phase 1:
 * 0.50 / 0.30 / 0.20) or by a fixed {@code amount} at the reference duration (phase 2: one amount per year), plus an
 * optional {@code priorityAreaBonus} for structures in a QPV or a ZRR.
 *
 * @param dueAtOccupiedShare the share of the funded period the post must have been occupied for it to become due
 */
public record TrancheRule(int rank, BigDecimal share, BigDecimal amount, BigDecimal priorityAreaBonus,
        OccupiedShare dueAtOccupiedShare) {

    /** The weight of this tranche in the split of the amount per post. */
    public BigDecimal weight(boolean priorityArea) {
        if (share != null) {
            return share;
        }
        return priorityArea && priorityAreaBonus != null ? amount.add(priorityAreaBonus) : amount;
    }

    /** What makes it due, in words, for people reading a plan. */
    public String triggerDescription(int fundedDays) {
        if (dueAtOccupiedShare.isStart()) {
            return "when the first contract on the post starts";
        }
        int days = dueAtOccupiedShare.thresholdDays(fundedDays);
        if (dueAtOccupiedShare.numerator() == dueAtOccupiedShare.denominator()) {
            return "when the post has been occupied for the whole funded period (" + days + " days)";
        }
        return "when the post has been occupied for " + dueAtOccupiedShare + " of the funded period (" + days
                + " days)";
    }
}
