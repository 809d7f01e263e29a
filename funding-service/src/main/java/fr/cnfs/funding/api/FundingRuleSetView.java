package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.rules.CategoryRule;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.TrancheRule;

@Schema(name = "FundingRuleSet", description = "A versioned funding rule set (DESIGN §5), as loaded and configured")
public record FundingRuleSetView(
        String phase,
        String version,
        String name,
        String source,
        LocalDate effectiveFrom,
        @Schema(description = "Last day in force, inclusive; null while in force") LocalDate effectiveTo,
        @Schema(description = "In force on today's business date") boolean inForce,
        int minimumMonths,
        int maximumMonths,
        int replacementWindowMonths,
        String dayCount,
        List<CategoryView> categories,
        @Schema(description = "Overseas increase rate by INSEE territory code") Map<String, BigDecimal> overseasIncrease) {

    static final String DAY_COUNT = "30E/360: every month counts 30 days; a funded period of N months is 30 x N days";

    @Schema(name = "FundingCategoryRule")
    public record CategoryView(String category, int referenceMonths, BigDecimal baseAmount, List<TrancheRuleView> tranches) {
    }

    @Schema(name = "FundingTrancheRule", description = "A share of the amount per post (phase 1) or a yearly amount (phase 2)")
    public record TrancheRuleView(int rank, BigDecimal share, BigDecimal amount, BigDecimal priorityAreaBonus,
            @Schema(description = "Share of the funded period occupied for it to become due: 0, 1/2, 1, 1/3...")
            String dueAtOccupiedShare) {
    }

    static FundingRuleSetView of(FundingRuleSet rules, LocalDate today) {
        return new FundingRuleSetView(rules.phase(), rules.version(), rules.name(), rules.source(), rules.effectiveFrom(),
                rules.effectiveTo(), rules.isInForceOn(today), rules.minimumMonths(), rules.maximumMonths(),
                rules.replacementWindowMonths(), DAY_COUNT,
                rules.categories().stream().map(FundingRuleSetView::category).toList(), rules.overseasIncrease());
    }

    private static CategoryView category(CategoryRule rule) {
        return new CategoryView(rule.category().name(), rule.referenceMonths(), rule.baseAmount(false),
                rule.tranches().stream().map(FundingRuleSetView::tranche).toList());
    }

    private static TrancheRuleView tranche(TrancheRule rule) {
        return new TrancheRuleView(rule.rank(), rule.share(), rule.amount(), rule.priorityAreaBonus(),
                rule.dueAtOccupiedShare().toString());
    }
}
