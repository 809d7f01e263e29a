package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.util.Set;

import fr.cnfs.plumbing.inbox.RejectedEventException;

/**
 * The amount per post of phase 1 (AMI 2021, DESIGN §5): base × fundedMonths / referenceMonths, plus the overseas
 * increase. The funding issue replaces these constants with versioned rule sets.
 */
final class PostAmount {

    private static final BigDecimal PUBLIC_BASE = Money.euros("50000");
    private static final int PUBLIC_REFERENCE_MONTHS = 24;
    private static final BigDecimal PRIVATE_BASE = Money.euros("40000");
    private static final int PRIVATE_REFERENCE_MONTHS = 18;
    private static final int MINIMUM_MONTHS = 12;
    private static final BigDecimal OVERSEAS_INCREASE = new BigDecimal("0.40");
    private static final Set<String> OVERSEAS_TERRITORIES = Set.of("971", "972", "973", "974", "975", "976", "977",
            "978", "984", "986", "987", "988", "989");

    private PostAmount() {
    }

    static BigDecimal of(String category, int contractMonths, String territoryCode) {
        boolean isPublic = "PUBLIC".equals(category);
        if (!isPublic && !"PRIVATE".equals(category)) {
            throw new RejectedEventException("unknown structure category " + category);
        }
        BigDecimal base = isPublic ? PUBLIC_BASE : PRIVATE_BASE;
        int referenceMonths = isPublic ? PUBLIC_REFERENCE_MONTHS : PRIVATE_REFERENCE_MONTHS;
        if (contractMonths < MINIMUM_MONTHS) {
            throw new RejectedEventException("contractMonths " + contractMonths + " below the minimum of " + MINIMUM_MONTHS);
        }
        int fundedMonths = Math.min(contractMonths, referenceMonths);
        BigDecimal amount = base.multiply(BigDecimal.valueOf(fundedMonths))
                .divide(BigDecimal.valueOf(referenceMonths), Money.SCALE, Money.ROUNDING);
        if (OVERSEAS_TERRITORIES.contains(territoryCode)) {
            amount = Money.round(amount.add(amount.multiply(OVERSEAS_INCREASE)));
        }
        return amount;
    }
}
