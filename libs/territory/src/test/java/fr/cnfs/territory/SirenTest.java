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

class SirenTest {

    @ParameterizedTest
    @ValueSource(strings = {"216901231", "217500016", "200046977", "356000000", "732829320", "000000000"})
    void valid(String value) {
        assertTrue(Siren.isValid(value));
        assertEquals(Optional.empty(), Siren.invalidityReason(value));
        assertEquals(value, Siren.of(value).value());
        assertEquals(value, Siren.of(value).toString());
        assertEquals(Optional.of(Siren.of(value)), Siren.parse(value));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"21690123", "2169012310", "21690123a", "216 901 231", "-16901231"})
    void notNineDigits(String value) {
        assertEquals(Optional.of(Siren.NOT_9_DIGITS), Siren.invalidityReason(value));
        assertFalse(Siren.isValid(value));
        assertEquals(Optional.empty(), Siren.parse(value));
        assertThrows(IllegalArgumentException.class, () -> Siren.of(value));
    }

    @ParameterizedTest
    @ValueSource(strings = {"216901232", "126901231", "200046978"})
    void badChecksum(String value) {
        assertEquals(Optional.of(Siren.BAD_CHECKSUM), Siren.invalidityReason(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Siren.of(value));
        assertEquals("invalid SIREN check digit (Luhn): " + value, e.getMessage());
    }

    @Test
    void withCheckDigit() {
        assertEquals(Siren.of("216901231"), Siren.withCheckDigit("21690123"));
        assertEquals(Siren.of("200046977"), Siren.withCheckDigit("20004697"));
        assertThrows(IllegalArgumentException.class, () -> Siren.withCheckDigit("2169012"));
        assertThrows(IllegalArgumentException.class, () -> Siren.withCheckDigit("2169012x"));
    }
}
