package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class SiretTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "21690123100011", // Hôtel de ville de Lyon
        "21750001600019", // Ville de Paris
        "35600000000048", // La Poste, head office: passes Luhn, digit sum 26
        "35600000012341", // La Poste establishment: fails Luhn, digit sum 25
        "35600000012340", // La Poste establishment: passes Luhn, digit sum 24
        "73282932000074", // a private company, Luhn-valid
    })
    void valid(String value) {
        assertTrue(Siret.isValid(value), value);
        assertEquals(Optional.empty(), Siret.invalidityReason(value));
        assertEquals(value, Siret.of(value).value());
        assertEquals(Optional.of(new Siret(value)), Siret.parse(value));
    }

    @Test
    void lyonTownHallParts() {
        Siret siret = Siret.of("21690123100011");
        assertEquals("216901231", siret.siren());
        assertEquals("00011", siret.nic());
        assertEquals(Siren.of("216901231"), siret.toSiren());
        assertEquals(TerritorialReferential.instance().commune("69123").orElseThrow().siren(), siret.siren());
        assertFalse(siret.isLaPoste());
        assertEquals("21690123100011", siret.toString());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"2169012310001", "216901231000111", "2169012310001A", "216 901 231 00011", " 21690123100011", "２１６９０１２３１０００１１"})
    void notFourteenDigits(String value) {
        assertEquals(Optional.of(Siret.NOT_14_DIGITS), Siret.invalidityReason(value));
        assertFalse(Siret.isValid(value));
        assertEquals(Optional.empty(), Siret.parse(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Siret.of(value));
        assertTrue(e.getMessage().startsWith("a SIRET must be exactly 14 digits"), e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"21690123100012", "21690123100021", "12690123100011", "00000000000001"})
    void badChecksum(String value) {
        assertEquals(Optional.of(Siret.BAD_CHECKSUM), Siret.invalidityReason(value));
        assertThrows(IllegalArgumentException.class, () -> new Siret(value));
    }

    @Test
    void luhnValidSiretWithAnInvalidSirenPart() {
        // 216901232 fails the SIREN check; its NIC is chosen so that the 14 digits pass Luhn.
        String value = "216901232" + "0001" + Luhn.checkDigit("2169012320001");
        assertTrue(Luhn.isValid(value));
        assertEquals(Optional.of(Siret.BAD_SIREN_CHECKSUM), Siret.invalidityReason(value));
    }

    @Test
    void laPosteDigitSumRule() {
        assertEquals(Optional.of(Siret.BAD_LA_POSTE_CHECKSUM), Siret.invalidityReason("35600000012345"), "digit sum 29, fails Luhn");
        assertTrue(Siret.isValid("35600000012350"), "digit sum 25");
        assertTrue(Siret.isValid("35600000012346"), "digit sum 30");
        assertTrue(Siret.of("35600000012341").isLaPoste());
        assertEquals("356000000", Siret.of("35600000012341").siren());
        assertEquals("12341", Siret.of("35600000012341").nic());
    }

    @Test
    void withCheckDigit() {
        assertEquals(Siret.of("21690123100011"), Siret.withCheckDigit("2169012310001"));
        assertEquals(Siret.of("35600000012341"), Siret.withCheckDigit("3560000001234"), "La Poste: smallest digit giving a sum of 25");
        assertEquals(Siret.of("35600000000042"), Siret.withCheckDigit("3560000000004"), "digit sum 18 + 2 = 20");
        assertThrows(IllegalArgumentException.class, () -> Siret.withCheckDigit("216901231000"));
        assertThrows(IllegalArgumentException.class, () -> Siret.withCheckDigit("2169012320001"), "the SIREN part is invalid");
    }

    @Test
    void recordEquality() {
        assertEquals(Siret.of("21690123100011"), Siret.of("21690123100011"));
        assertEquals(Siret.of("21690123100011").hashCode(), Siret.of("21690123100011").hashCode());
    }
}
