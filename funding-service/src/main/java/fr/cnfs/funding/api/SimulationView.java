package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.FundingSimulationService;
import fr.cnfs.funding.domain.rules.FundingQuote;

@Schema(name = "FundingSimulation", description = "The money an application would be granted; amounts in euros")
public record SimulationView(
        String phase,
        String ruleSetVersion,
        String category,
        String territoryCode,
        String territoryZone,
        int contractMonths,
        int fundedMonths,
        int fundedDays,
        int posts,
        BigDecimal mainlandAmountPerPost,
        @Schema(description = "Null in the mainland") OverseasIncrease overseasIncrease,
        @Schema(description = "True when the QPV/ZRR bonus of the rule set was added") boolean priorityAreaBonus,
        BigDecimal amountPerPost,
        BigDecimal totalAmount,
        @Schema(description = "The tranche plan of each post") List<PlannedTranche> tranches) {

    @Schema(name = "OverseasIncrease")
    public record OverseasIncrease(String territoryCode, BigDecimal rate, BigDecimal amount) {
    }

    @Schema(name = "PlannedTranche")
    public record PlannedTranche(int rank, BigDecimal share, BigDecimal amount, int occupiedDaysThreshold, String trigger) {
    }

    static SimulationView of(FundingSimulationService.Answer answer) {
        FundingQuote quote = answer.quote();
        OverseasIncrease overseas = quote.overseasRate().signum() == 0 ? null
                : new OverseasIncrease(answer.territoryCode(), quote.overseasRate(), quote.overseasIncrease());
        return new SimulationView(quote.phase(), quote.ruleSetVersion(), quote.category().name(), answer.territoryCode(),
                answer.territoryZone().name(), quote.contractMonths(), quote.fundedMonths(), quote.fundedDays(),
                answer.posts(), quote.mainlandAmount(), overseas, quote.priorityArea(), quote.amountPerPost(),
                answer.totalAmount(), quote.tranches().stream().map(t -> new PlannedTranche(t.rank(), t.share(),
                        t.amount(), t.thresholdDays(), t.trigger())).toList());
    }
}
