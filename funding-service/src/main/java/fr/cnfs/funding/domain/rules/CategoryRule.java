package fr.cnfs.funding.domain.rules;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a rule set grants one category of structure: the amount per post for the reference duration, and its tranches.
 *
 * @param baseAmount the amount per post at the reference duration; for plans weighted by amounts it is their sum
 */
public record CategoryRule(StructureCategory category, int referenceMonths, BigDecimal baseAmount,
        List<TrancheRule> tranches) {

    public CategoryRule {
        tranches = List.copyOf(tranches);
    }

    /** True when tranches carry fixed amounts (phase 2), false when they carry shares (phase 1). */
    public boolean weightedByAmounts() {
        return tranches.get(0).share() == null;
    }

    /** True when a QPV or ZRR structure gets more than others under this rule. */
    public boolean hasPriorityAreaBonus() {
        return tranches.stream().anyMatch(tranche -> tranche.priorityAreaBonus() != null
                && tranche.priorityAreaBonus().signum() > 0);
    }

    /** The amount per post at the reference duration, bonus included for a structure in a priority area. */
    public BigDecimal baseAmount(boolean priorityArea) {
        if (!weightedByAmounts()) {
            return baseAmount;
        }
        return tranches.stream().map(tranche -> tranche.weight(priorityArea)).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public List<BigDecimal> weights(boolean priorityArea) {
        return tranches.stream().map(tranche -> tranche.weight(priorityArea)).toList();
    }
}
