package fr.cnfs.plumbing.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HqlLiteralsTest {

    enum Colour {
        RED, GREEN, BLUE
    }

    @Test
    void writesFullyQualifiedLiteralsInTheEnumsOrder() {
        assertEquals("(fr.cnfs.plumbing.query.HqlLiteralsTest.Colour.RED, fr.cnfs.plumbing.query.HqlLiteralsTest.Colour.BLUE)",
                HqlLiterals.inList(List.of(Colour.BLUE, Colour.RED)));
    }

    @Test
    void theSameSetGivesTheSameTextWhateverItsIterationOrder() {
        assertEquals(HqlLiterals.inList(EnumSet.of(Colour.GREEN, Colour.RED)),
                HqlLiterals.inList(Set.of(Colour.RED, Colour.GREEN)));
    }

    @Test
    void refusesAnEmptySet() {
        assertThrows(IllegalArgumentException.class, () -> HqlLiterals.inList(List.<Colour> of()));
    }
}
