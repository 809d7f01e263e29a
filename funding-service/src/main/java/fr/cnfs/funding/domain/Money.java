package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Euros as BigDecimal with two decimals, rounded half-even: the only way money is computed here. */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;

    private Money() {
    }

    public static BigDecimal euros(String amount) {
        return new BigDecimal(amount).setScale(SCALE, ROUNDING);
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }
}
