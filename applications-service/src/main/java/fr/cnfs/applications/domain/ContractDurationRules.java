package fr.cnfs.applications.domain;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import fr.cnfs.applications.config.ApplicationsConfig;
import fr.cnfs.plumbing.problem.BusinessRuleException;

/**
 * The contract durations allowed per funding phase and category, from configuration that mirrors funding-service's
 * rule sets (see {@link ApplicationsConfig#contractMonths()}).
 */
@ApplicationScoped
public class ContractDurationRules {

    /** An inclusive range of months. */
    public record MonthRange(int min, int max) {

        public MonthRange {
            if (min < 1 || max < min) {
                throw new IllegalArgumentException("invalid month range " + min + ".." + max);
            }
        }

        public boolean contains(int months) {
            return months >= min && months <= max;
        }

        @Override
        public String toString() {
            return min == max ? String.valueOf(min) : min + ".." + max;
        }
    }

    private final Map<String, Map<StructureCategory, MonthRange>> byPhase;

    @Inject
    ContractDurationRules(ApplicationsConfig config) {
        this(toRanges(config));
    }

    public ContractDurationRules(Map<String, Map<StructureCategory, MonthRange>> byPhase) {
        if (byPhase.isEmpty()) {
            throw new IllegalStateException("cnfs.applications.contract-months lists no funding phase");
        }
        this.byPhase = Map.copyOf(byPhase);
    }

    public Set<String> phases() {
        return new java.util.TreeSet<>(byPhase.keySet());
    }

    public boolean knowsPhase(String phase) {
        return byPhase.containsKey(phase);
    }

    public MonthRange boundsOf(String phase, StructureCategory category) {
        Map<StructureCategory, MonthRange> ranges = byPhase.get(phase);
        if (ranges == null) {
            throw new BusinessRuleException("unknown-funding-phase",
                    "funding phase " + phase + " is not one of " + phases());
        }
        return ranges.get(category);
    }

    /** Refuses (422) a duration outside the phase's bounds for the category. */
    public void check(String phase, StructureCategory category, int contractMonths) {
        MonthRange bounds = boundsOf(phase, category);
        if (!bounds.contains(contractMonths)) {
            throw new BusinessRuleException("contract-months-out-of-bounds",
                    "contractMonths " + contractMonths + " is outside " + bounds + " months, the bounds of "
                            + phase + " for a " + category + " structure");
        }
    }

    private static Map<String, Map<StructureCategory, MonthRange>> toRanges(ApplicationsConfig config) {
        Map<String, Map<StructureCategory, MonthRange>> ranges = new TreeMap<>();
        config.contractMonths().forEach((phase, months) -> ranges.put(phase, Map.of(
                StructureCategory.PUBLIC, new MonthRange(months.publicStructures().min(), months.publicStructures().max()),
                StructureCategory.PRIVATE, new MonthRange(months.privateStructures().min(), months.privateStructures().max()))));
        return ranges;
    }
}
