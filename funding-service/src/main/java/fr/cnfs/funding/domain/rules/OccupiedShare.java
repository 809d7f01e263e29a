package fr.cnfs.funding.domain.rules;

/**
 * The share of the funded period a post must have been occupied for a tranche to become due: {@code 0} (when the
 * first contract starts), {@code 1/2}, {@code 1}, {@code 1/3}... Kept as a fraction so that thirds stay exact.
 */
public record OccupiedShare(int numerator, int denominator) {

    public static final OccupiedShare START = new OccupiedShare(0, 1);

    public OccupiedShare {
        if (denominator <= 0 || numerator < 0 || numerator > denominator) {
            throw new IllegalArgumentException("an occupied share is a fraction between 0 and 1: " + numerator + "/"
                    + denominator);
        }
    }

    /** Parses {@code "0"}, {@code "1"} or {@code "n/d"}. */
    public static OccupiedShare parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("missing occupied share");
        }
        String[] parts = text.strip().split("/");
        try {
            if (parts.length == 1) {
                return new OccupiedShare(Integer.parseInt(parts[0]), 1);
            }
            if (parts.length == 2) {
                return new OccupiedShare(Integer.parseInt(parts[0].strip()), Integer.parseInt(parts[1].strip()));
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("not a fraction: " + text);
    }

    /** Occupied days at which the tranche becomes due: this share of the funded days, rounded up. */
    public int thresholdDays(int fundedDays) {
        return (int) ((fundedDays * (long) numerator + denominator - 1) / denominator);
    }

    public boolean isStart() {
        return numerator == 0;
    }

    /** Orders shares by value. */
    public int compareValue(OccupiedShare other) {
        return Long.compare((long) numerator * other.denominator, (long) other.numerator * denominator);
    }

    @Override
    public String toString() {
        return numerator == 0 ? "0" : denominator == 1 ? String.valueOf(numerator) : numerator + "/" + denominator;
    }
}
