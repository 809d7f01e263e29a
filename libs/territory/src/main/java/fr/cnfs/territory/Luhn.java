package fr.cnfs.territory;

/** Luhn (mod 10) checksum over a string of ASCII digits, as INSEE uses for SIREN and SIRET. */
final class Luhn {

    private Luhn() {
    }

    static boolean isAllDigits(String value, int length) {
        if (value == null || value.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    static boolean isValid(String digits) {
        return sum(digits, false) % 10 == 0;
    }

    /** The digit to append to {@code digits} so that the result passes the Luhn check. */
    static char checkDigit(String digits) {
        return (char) ('0' + (10 - sum(digits, true) % 10) % 10);
    }

    static int digitSum(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            sum += digits.charAt(i) - '0';
        }
        return sum;
    }

    // Doubles every second digit from the right; when a check digit is still to be appended, the rightmost is doubled.
    private static int sum(String digits, boolean checkDigitMissing) {
        int sum = 0;
        boolean doubled = checkDigitMissing;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum;
    }
}
