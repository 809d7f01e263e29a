package fr.cnfs.e2e;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The funding rules of DESIGN §5, written again here from the text, independently of funding-service, so that the
 * story's books can be checked against figures the service did not compute: amounts per post, the 50/30/20 split,
 * days counted 30 to the month, and what a post closed early has earned.
 */
final class ExpectedBooks {

    private ExpectedBooks() {
    }

    /** base × min(months, reference) / reference, increased overseas, to the cent. */
    static BigDecimal amountPerPost(boolean publicStructure, int contractMonths, boolean overseas) {
        BigDecimal base = new BigDecimal(publicStructure ? "50000" : "40000");
        int reference = publicStructure ? 24 : 18;
        BigDecimal amount = base.multiply(BigDecimal.valueOf(Math.min(contractMonths, reference)))
                .divide(BigDecimal.valueOf(reference), 10, RoundingMode.HALF_EVEN);
        if (overseas) {
            amount = amount.multiply(new BigDecimal("1.40"));
        }
        return cents(amount);
    }

    /** The three tranches: 50 % and 30 % rounded, the remainder on the last. */
    static BigDecimal[] tranches(BigDecimal amount) {
        BigDecimal first = cents(amount.multiply(new BigDecimal("0.50")));
        BigDecimal second = cents(amount.multiply(new BigDecimal("0.30")));
        return new BigDecimal[] { first, second, amount.subtract(first).subtract(second) };
    }

    /** Days from {@code from} (included) to {@code to} (excluded), every month counting 30. */
    static int days360(LocalDate from, LocalDate to) {
        return dayNumber(to) - dayNumber(from);
    }

    static BigDecimal earned(BigDecimal amountPerPost, int occupiedDays, int fundedDays) {
        return cents(amountPerPost.multiply(BigDecimal.valueOf(occupiedDays))
                .divide(BigDecimal.valueOf(fundedDays), 10, RoundingMode.HALF_EVEN));
    }

    static BigDecimal cents(BigDecimal amount) {
        return amount.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static int dayNumber(LocalDate date) {
        return 360 * date.getYear() + 30 * (date.getMonthValue() - 1) + Math.min(date.getDayOfMonth(), 30);
    }
}
