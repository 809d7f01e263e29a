package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import fr.cnfs.funding.domain.rules.FundingCalculator;
import fr.cnfs.funding.domain.rules.FundingQuote;
import fr.cnfs.funding.domain.rules.FundingRuleException;
import fr.cnfs.funding.domain.rules.FundingRuleSet;
import fr.cnfs.funding.domain.rules.StructureCategory;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.plumbing.problem.InvalidRequestException;
import fr.cnfs.territory.Commune;
import fr.cnfs.territory.TerritorialReferential;
import fr.cnfs.territory.TerritoryZone;

/**
 * What an application would be granted, computed with the same rules and code as a real award, so that front-ends
 * show an applicant the exact money before they apply.
 */
@ApplicationScoped
public class FundingSimulationService {

    private final FundingRuleCatalog rules;

    FundingSimulationService(FundingRuleCatalog rules) {
        this.rules = rules;
    }

    public record Question(String category, String communeCode, String territoryCode, int contractMonths, int posts,
            String phase, boolean qpv, boolean zrr) {
    }

    public record Answer(FundingQuote quote, String territoryCode, TerritoryZone territoryZone, int posts,
            BigDecimal totalAmount) {
    }

    public Answer simulate(Question question) {
        FundingRuleSet ruleSet = question.phase() == null ? rules.defaultRuleSet()
                : rules.phase(question.phase()).orElseThrow(() -> new InvalidRequestException("phase",
                        "unknown funding phase; known: " + rules.all().stream().map(FundingRuleSet::phase).toList()));
        StructureCategory category = StructureCategory.parse(question.category())
                .orElseThrow(() -> new InvalidRequestException("category", "must be PUBLIC or PRIVATE"));
        TerritorialReferential referential = TerritorialReferential.instance();
        String territoryCode = territoryOf(question, referential);
        TerritoryZone zone = referential.zoneOf(territoryCode).orElse(TerritoryZone.METRO);
        FundingQuote quote;
        try {
            quote = FundingCalculator.quote(ruleSet, category, question.contractMonths(), territoryCode, question.qpv(),
                    question.zrr());
        } catch (FundingRuleException e) {
            throw new BusinessRuleException(e.rule(), e.getMessage());
        }
        BigDecimal total = Money.round(quote.amountPerPost().multiply(BigDecimal.valueOf(question.posts())));
        return new Answer(quote, territoryCode, zone, question.posts(), total);
    }

    private static String territoryOf(Question question, TerritorialReferential referential) {
        if (question.communeCode() != null) {
            Optional<Commune> commune = referential.commune(question.communeCode());
            if (commune.isEmpty()) {
                throw new InvalidRequestException("communeCode", "unknown INSEE commune code " + question.communeCode());
            }
            String territory = referential.territoryCodeOf(commune.get());
            if (question.territoryCode() != null && !question.territoryCode().equals(territory)) {
                throw new InvalidRequestException("territoryCode", "commune " + question.communeCode()
                        + " is in territory " + territory + ", not " + question.territoryCode());
            }
            return territory;
        }
        if (question.territoryCode() == null) {
            throw new InvalidRequestException("communeCode", "give a communeCode or a territoryCode");
        }
        if (referential.departement(question.territoryCode()).isEmpty()) {
            throw new InvalidRequestException("territoryCode", "unknown territory code " + question.territoryCode()
                    + "; a département code (69, 2A, 971...) or an overseas collectivity code (975, 987...)");
        }
        return question.territoryCode();
    }
}
