package fr.cnfs.territory;

import java.util.Optional;

/** A SIREN: the 9-digit INSEE identifier of a legal entity, whose last digit is a Luhn check digit. */
public record Siren(String value) {

    public static final int LENGTH = 9;

    static final String NOT_9_DIGITS = "a SIREN must be exactly 9 digits";
    static final String BAD_CHECKSUM = "invalid SIREN check digit (Luhn)";

    /** Throws {@link IllegalArgumentException} with the reason when the value is not a valid SIREN. */
    public Siren {
        Optional<String> reason = invalidityReason(value);
        if (reason.isPresent()) {
            throw new IllegalArgumentException(reason.get() + ": " + value);
        }
    }

    public static Siren of(String value) {
        return new Siren(value);
    }

    /** The SIREN, or empty when the value is not a valid SIREN. */
    public static Optional<Siren> parse(String value) {
        return isValid(value) ? Optional.of(new Siren(value)) : Optional.empty();
    }

    public static boolean isValid(String value) {
        return invalidityReason(value).isEmpty();
    }

    /** Why the value is not a valid SIREN (wrong length or characters, bad checksum), or empty when it is valid. */
    public static Optional<String> invalidityReason(String value) {
        if (!Luhn.isAllDigits(value, LENGTH)) {
            return Optional.of(NOT_9_DIGITS);
        }
        return Luhn.isValid(value) ? Optional.empty() : Optional.of(BAD_CHECKSUM);
    }

    /** Completes 8 digits with their Luhn check digit (handy for test fixtures). */
    public static Siren withCheckDigit(String firstEightDigits) {
        if (!Luhn.isAllDigits(firstEightDigits, LENGTH - 1)) {
            throw new IllegalArgumentException("expected exactly 8 digits: " + firstEightDigits);
        }
        return new Siren(firstEightDigits + Luhn.checkDigit(firstEightDigits));
    }

    @Override
    public String toString() {
        return value;
    }
}
