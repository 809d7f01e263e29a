package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class SiretPropertiesTest {

    /** Valid ordinary SIRETs: a random SIREN with its check digit, a random NIC with the SIRET check digit. */
    @Provide
    Arbitrary<String> validSirets() {
        Arbitrary<String> eightDigits = Arbitraries.strings().numeric().ofLength(8);
        Arbitrary<String> fourDigits = Arbitraries.strings().numeric().ofLength(4);
        return Combinators.combine(eightDigits, fourDigits)
                .as((siren8, nic4) -> Siret.withCheckDigit(Siren.withCheckDigit(siren8).value() + nic4).value())
                .filter(siret -> !siret.startsWith(Siret.LA_POSTE_SIREN));
    }

    /** La Poste establishments, numbered under the digit-sum rule. */
    @Provide
    Arbitrary<String> laPosteSirets() {
        return Arbitraries.strings().numeric().ofLength(4)
                .map(nic4 -> Siret.withCheckDigit(Siret.LA_POSTE_SIREN + nic4).value());
    }

    @Property
    void generatedSiretsAreValid(@ForAll("validSirets") String siret) {
        assertTrue(Siret.isValid(siret), siret);
        assertTrue(Siren.isValid(Siret.of(siret).siren()), siret);
    }

    @Property(tries = 2_000)
    void changingOneDigitMakesASiretInvalid(@ForAll("validSirets") String siret,
            @ForAll @IntRange(min = 0, max = 13) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String changed = withDigitShifted(siret, position, delta);
        // Turning the SIREN into La Poste's switches to the weaker digit-sum rule: not a single-digit typo guarantee.
        Assume.that(!changed.startsWith(Siret.LA_POSTE_SIREN));
        assertFalse(Siret.isValid(changed), siret + " -> " + changed);
        assertTrue(Siret.invalidityReason(changed).isPresent());
    }

    @Property(tries = 2_000)
    void changingOneDigitOfLaPostesNicByOtherThanFiveIsCaughtUnlessLuhnHappensToPass(@ForAll("laPosteSirets") String siret,
            @ForAll @IntRange(min = 9, max = 13) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        Assume.that(delta != 5);
        String changed = withDigitShifted(siret, position, delta);
        // La Poste's own rule cannot see a ±5 change, and a changed number may happen to pass Luhn: both accepted.
        assertEquals(Luhn.isValid(changed), Siret.isValid(changed), siret + " -> " + changed);
    }

    @Property
    void laPosteDigitSumRuleIsBlindToAShiftOfFive(@ForAll("laPosteSirets") String siret, @ForAll @IntRange(min = 9, max = 13) int position) {
        assertTrue(Siret.isValid(siret));
        assertTrue(Siret.isValid(withDigitShifted(siret, position, 5)), "documented weakness of La Poste's numbering");
    }

    @Property
    void changingOneDigitMakesASirenInvalid(@ForAll("validSirets") String siret,
            @ForAll @IntRange(min = 0, max = 8) int position, @ForAll @IntRange(min = 1, max = 9) int delta) {
        String siren = siret.substring(0, 9);
        assertTrue(Siren.isValid(siren));
        assertFalse(Siren.isValid(withDigitShifted(siren, position, delta)));
    }

    @Property
    void checkDigitIsTheOnlyOneThatCompletes(@ForAll("validSirets") String siret, @ForAll @IntRange(min = 0, max = 9) int last) {
        String candidate = siret.substring(0, 13) + last;
        assertEquals(candidate.equals(siret), Siret.isValid(candidate));
    }

    private static String withDigitShifted(String digits, int position, int delta) {
        char[] chars = digits.toCharArray();
        chars[position] = (char) ('0' + (chars[position] - '0' + delta) % 10);
        return new String(chars);
    }
}
