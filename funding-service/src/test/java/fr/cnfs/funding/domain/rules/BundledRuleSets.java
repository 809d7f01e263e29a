package fr.cnfs.funding.domain.rules;

import java.util.List;
import java.util.Map;

import fr.cnfs.funding.domain.FundingRuleCatalog;

/** The rule sets of {@code src/main/resources/funding-rules}, as the service loads them without overrides. */
public final class BundledRuleSets {

    public static final FundingRuleCatalog CATALOG = new FundingRuleCatalog(
            List.of("funding-rules/phase-1.json", "funding-rules/phase-2.json"), Map.of(), "PHASE_1");
    public static final FundingRuleSet PHASE_1 = CATALOG.phase("PHASE_1").orElseThrow();
    public static final FundingRuleSet PHASE_2 = CATALOG.phase("PHASE_2").orElseThrow();

    private BundledRuleSets() {
    }
}
