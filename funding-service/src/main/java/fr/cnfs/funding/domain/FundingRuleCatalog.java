package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import fr.cnfs.funding.config.FundingConfig;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.RuleSetReader;

/**
 * The funding rule sets in force in this service, read once at start from their versioned resources and the
 * configured overseas overrides. An invalid rule set stops the start.
 */
@ApplicationScoped
public class FundingRuleCatalog {

    private static final Logger LOG = Logger.getLogger(FundingRuleCatalog.class);

    private final Map<String, FundingRuleSet> byPhase;
    private final String defaultPhase;

    @Inject
    FundingRuleCatalog(FundingConfig config) {
        this(config.ruleSets(), config.overseasIncrease(), config.defaultPhase());
    }

    /** For tests and tools: the given resources with the given overrides. */
    public FundingRuleCatalog(List<String> resources, Map<String, BigDecimal> overseasOverrides, String defaultPhase) {
        Map<String, BigDecimal> overrides = new TreeMap<>();
        overseasOverrides.forEach((code, rate) -> overrides.put(code, RuleSetReader.checkedRate(code, rate)));
        Map<String, FundingRuleSet> sets = new LinkedHashMap<>();
        for (String resource : resources) {
            FundingRuleSet set = RuleSetReader.read(
                    Thread.currentThread().getContextClassLoader().getResourceAsStream(resource), resource)
                    .withOverseasIncrease(overrides);
            if (sets.put(set.phase(), set) != null) {
                throw new IllegalStateException("Two funding rule sets for phase " + set.phase());
            }
            LOG.infof("Funding rule set %s version %s loaded from %s", set.phase(), set.version(), resource);
        }
        if (!sets.containsKey(defaultPhase)) {
            throw new IllegalStateException("The default funding phase " + defaultPhase + " has no rule set");
        }
        this.byPhase = Map.copyOf(sets);
        this.defaultPhase = defaultPhase;
    }

    public List<FundingRuleSet> all() {
        return byPhase.values().stream().sorted(Comparator.comparing(FundingRuleSet::effectiveFrom)).toList();
    }

    public Optional<FundingRuleSet> phase(String phase) {
        return Optional.ofNullable(phase == null ? null : byPhase.get(phase));
    }

    public FundingRuleSet defaultRuleSet() {
        return byPhase.get(defaultPhase);
    }

    /** The rule set in force on a date, the latest one if periods overlap. */
    public Optional<FundingRuleSet> inForceOn(LocalDate date) {
        return all().stream().filter(set -> set.isInForceOn(date)).reduce((first, second) -> second);
    }
}
