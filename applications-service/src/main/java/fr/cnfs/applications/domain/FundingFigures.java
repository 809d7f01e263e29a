package fr.cnfs.applications.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The money of a funding summary, exact to the cent: euros as {@link BigDecimal} of scale 2. An amount with a finer
 * part is refused rather than rounded, since funding-service never sends one.
 */
public record FundingFigures(BigDecimal granted, BigDecimal paid) {

    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    public FundingFigures {
        granted = granted == null ? null : euros(granted);
        paid = paid == null ? ZERO : euros(paid);
    }

    public FundingFigures withPayment(BigDecimal amount) {
        BigDecimal payment = euros(amount);
        if (payment.signum() <= 0) {
            throw new IllegalArgumentException("a paid amount must be positive: " + amount);
        }
        return new FundingFigures(granted, paid.add(payment));
    }

    /** What is still to be paid of the grant; null while the grant is unknown. */
    public BigDecimal remaining() {
        return granted == null ? null : granted.subtract(paid);
    }

    /** The amount at scale 2; more than two decimals is an error, never rounded away. */
    public static BigDecimal euros(BigDecimal amount) {
        if (amount == null) {
            throw new IllegalArgumentException("amount is missing");
        }
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("an amount in euros has at most two decimals: " + amount.toPlainString());
        }
    }
}
