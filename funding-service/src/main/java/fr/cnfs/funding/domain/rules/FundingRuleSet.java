package fr.cnfs.funding.domain.rules;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A versioned set of funding rules (DESIGN §5): data read from {@code funding-rules/*.json}, never code branches.
 *
 * @param phase                   the key campaigns name, e.g. {@code PHASE_1}
 * @param version                 the version of this rule set's text, shown with every amount computed from it
 * @param effectiveTo             last day in force, inclusive; null while in force
 * @param minimumMonths           shortest contract duration the phase funds
 * @param maximumMonths           longest contract duration the phase accepts; funding stops at the reference duration
 * @param replacementWindowMonths how long a vacant post may wait for a new contract before its funding closes
 * @param overseasIncrease        increase rate per INSEE territory code, e.g. 971 → 0.40
 */
public record FundingRuleSet(
        String phase,
        String version,
        String name,
        String source,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        int minimumMonths,
        int maximumMonths,
        int replacementWindowMonths,
        List<CategoryRule> categories,
        Map<String, BigDecimal> overseasIncrease) {

    public FundingRuleSet {
        categories = List.copyOf(categories);
        overseasIncrease = Collections.unmodifiableMap(new TreeMap<>(overseasIncrease));
    }

    public Optional<CategoryRule> category(StructureCategory category) {
        return categories.stream().filter(rule -> rule.category() == category).findFirst();
    }

    /** The overseas increase rate of a territory, zero where there is none. */
    public BigDecimal overseasRate(String territoryCode) {
        return territoryCode == null ? BigDecimal.ZERO : overseasIncrease.getOrDefault(territoryCode, BigDecimal.ZERO);
    }

    public boolean isInForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveTo == null || !date.isAfter(effectiveTo));
    }

    /** This rule set with its overseas table overridden entry by entry (operators set it to the regulation in force). */
    public FundingRuleSet withOverseasIncrease(Map<String, BigDecimal> overrides) {
        if (overrides.isEmpty()) {
            return this;
        }
        Map<String, BigDecimal> table = new TreeMap<>(overseasIncrease);
        table.putAll(overrides);
        return new FundingRuleSet(phase, version, name, source, effectiveFrom, effectiveTo, minimumMonths,
                maximumMonths, replacementWindowMonths, categories, table);
    }
}
