package fr.cnfs.territory;

import java.util.Optional;

/**
 * A SIRET: the 14-digit INSEE identifier of an establishment, SIREN (9 digits) + NIC (5 digits).
 *
 * <p>Valid when the 14 digits pass the Luhn check and the SIREN part is a valid SIREN. La Poste (SIREN
 * 356000000) numbers its many establishments otherwise: one of its SIRETs is also valid when the sum of its
 * 14 digits is a multiple of 5. Its head office, 356 000 000 00048, passes the Luhn check instead.
 */
public record Siret(String value) {

    public static final int LENGTH = 14;
    public static final String LA_POSTE_SIREN = "356000000";

    static final String NOT_14_DIGITS = "a SIRET must be exactly 14 digits";
    static final String BAD_CHECKSUM = "invalid SIRET check digit (Luhn)";
    static final String BAD_LA_POSTE_CHECKSUM =
            "invalid SIRET check digit (La Poste: Luhn, or the sum of the 14 digits a multiple of 5)";
    static final String BAD_SIREN_CHECKSUM = "invalid check digit of the SIREN part (Luhn)";

    /** Throws {@link IllegalArgumentException} with the reason when the value is not a valid SIRET. */
    public Siret {
        Optional<String> reason = invalidityReason(value);
        if (reason.isPresent()) {
            throw new IllegalArgumentException(reason.get() + ": " + value);
        }
    }

    public static Siret of(String value) {
        return new Siret(value);
    }

    /** The SIRET, or empty when the value is not a valid SIRET. */
    public static Optional<Siret> parse(String value) {
        return isValid(value) ? Optional.of(new Siret(value)) : Optional.empty();
    }

    public static boolean isValid(String value) {
        return invalidityReason(value).isEmpty();
    }

    /** Why the value is not a valid SIRET (wrong length or characters, bad checksum), or empty when it is valid. */
    public static Optional<String> invalidityReason(String value) {
        if (!Luhn.isAllDigits(value, LENGTH)) {
            return Optional.of(NOT_14_DIGITS);
        }
        if (value.startsWith(LA_POSTE_SIREN)) {
            boolean valid = Luhn.isValid(value) || Luhn.digitSum(value) % 5 == 0;
            return valid ? Optional.empty() : Optional.of(BAD_LA_POSTE_CHECKSUM);
        }
        if (!Luhn.isValid(value)) {
            return Optional.of(BAD_CHECKSUM);
        }
        return Luhn.isValid(value.substring(0, Siren.LENGTH)) ? Optional.empty() : Optional.of(BAD_SIREN_CHECKSUM);
    }

    /**
     * Completes 13 digits with a check digit (handy for test fixtures): Luhn, or for La Poste the smallest digit
     * making the digit sum a multiple of 5. The SIREN part must already be valid.
     */
    public static Siret withCheckDigit(String firstThirteenDigits) {
        if (!Luhn.isAllDigits(firstThirteenDigits, LENGTH - 1)) {
            throw new IllegalArgumentException("expected exactly 13 digits: " + firstThirteenDigits);
        }
        char check = firstThirteenDigits.startsWith(LA_POSTE_SIREN)
                ? (char) ('0' + (5 - Luhn.digitSum(firstThirteenDigits) % 5) % 5)
                : Luhn.checkDigit(firstThirteenDigits);
        return new Siret(firstThirteenDigits + check);
    }

    /** The SIREN part: the first 9 digits. */
    public String siren() {
        return value.substring(0, Siren.LENGTH);
    }

    /** The NIC (establishment number): the last 5 digits. */
    public String nic() {
        return value.substring(Siren.LENGTH);
    }

    public Siren toSiren() {
        return new Siren(siren());
    }

    public boolean isLaPoste() {
        return value.startsWith(LA_POSTE_SIREN);
    }

    @Override
    public String toString() {
        return value;
    }
}
