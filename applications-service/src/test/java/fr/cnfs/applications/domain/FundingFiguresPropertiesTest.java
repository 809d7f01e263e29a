package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.List;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

/** The funding summary's money stays exact to the cent whatever the payments. */
class FundingFiguresPropertiesTest {

    @Property
    void paidIsTheExactSumOfThePaymentsInCents(
            @ForAll @Size(min = 0, max = 12) List<@LongRange(min = 1, max = 10_000_000) Long> paymentsInCents,
            @ForAll @LongRange(min = 0, max = 1_000_000_000) long grantInCents) {
        FundingFigures figures = new FundingFigures(BigDecimal.valueOf(grantInCents, 2), null);
        long total = 0;
        for (long cents : paymentsInCents) {
            figures = figures.withPayment(BigDecimal.valueOf(cents, 2));
            total += cents;
        }
        assertEquals(BigDecimal.valueOf(total, 2), figures.paid());
        assertEquals(2, figures.paid().scale());
        assertEquals(BigDecimal.valueOf(grantInCents - total, 2), figures.remaining());
        assertEquals(figures.granted(), figures.paid().add(figures.remaining()));
    }

    @Property
    void anAmountWithTrailingZerosKeepsItsValueAtScaleTwo(@ForAll @LongRange(min = 0, max = 1_000_000_000) long cents,
            @ForAll @IntRange(min = 2, max = 6) int scale) {
        BigDecimal written = BigDecimal.valueOf(cents, 2).setScale(scale);
        BigDecimal euros = FundingFigures.euros(written);
        assertEquals(2, euros.scale());
        assertEquals(0, euros.compareTo(written));
    }

    @Property
    void aFractionOfACentIsRefusedNeverRounded(@ForAll @LongRange(min = 0, max = 1_000_000) long cents,
            @ForAll @IntRange(min = 1, max = 9) int thousandths) {
        BigDecimal amount = BigDecimal.valueOf(cents * 10 + thousandths, 3);
        assertThrows(IllegalArgumentException.class, () -> FundingFigures.euros(amount));
    }

    @Property
    void aPaymentMustBePositive(@ForAll @LongRange(min = -1_000_000, max = 0) long cents) {
        FundingFigures figures = new FundingFigures(new BigDecimal("50000.00"), null);
        assertThrows(IllegalArgumentException.class, () -> figures.withPayment(BigDecimal.valueOf(cents, 2)));
    }
}
