package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/** Euros as BigDecimal with two decimals, rounded half-even: the only way money is computed here. */
public final class Money {

    public static final int SCALE = 2;
    public static final RoundingMode ROUNDING = RoundingMode.HALF_EVEN;
    public static final BigDecimal ZERO = BigDecimal.ZERO.setScale(SCALE);

    private Money() {
    }

    public static BigDecimal euros(String amount) {
        return new BigDecimal(amount).setScale(SCALE, ROUNDING);
    }

    public static BigDecimal round(BigDecimal amount) {
        return amount.setScale(SCALE, ROUNDING);
    }

    /**
     * Splits {@code total} in proportion to {@code weights}: every part but the last is rounded half-even to the cent,
     * and the last takes the remainder, so the parts always sum exactly to the total. A part never takes more than
     * what is left, so that no part is negative even when cents are fewer than parts.
     */
    public static List<BigDecimal> split(BigDecimal total, List<BigDecimal> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("nothing to split into");
        }
        BigDecimal weightSum = weights.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weightSum.signum() <= 0) {
            throw new IllegalArgumentException("weights must sum to a positive number");
        }
        List<BigDecimal> parts = new ArrayList<>(weights.size());
        BigDecimal allocated = ZERO;
        for (int i = 0; i < weights.size() - 1; i++) {
            BigDecimal part = total.multiply(weights.get(i)).divide(weightSum, SCALE, ROUNDING)
                    .min(total.subtract(allocated));
            parts.add(part);
            allocated = allocated.add(part);
        }
        parts.add(round(total.subtract(allocated)));
        return parts;
    }

    /** Sum of amounts, scale 2. */
    public static BigDecimal sum(java.util.stream.Stream<BigDecimal> amounts) {
        return round(amounts.reduce(BigDecimal.ZERO, BigDecimal::add));
    }
}
