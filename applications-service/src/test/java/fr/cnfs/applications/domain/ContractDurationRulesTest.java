package fr.cnfs.applications.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.domain.ContractDurationRules.MonthRange;
import fr.cnfs.plumbing.problem.BusinessRuleException;

class ContractDurationRulesTest {

    /** The values application.properties mirrors from funding-service's rule sets. */
    private final ContractDurationRules rules = new ContractDurationRules(Map.of(
            "PHASE_1", Map.of(StructureCategory.PUBLIC, new MonthRange(12, 24),
                    StructureCategory.PRIVATE, new MonthRange(12, 18)),
            "PHASE_2", Map.of(StructureCategory.PUBLIC, new MonthRange(36, 36),
                    StructureCategory.PRIVATE, new MonthRange(36, 36))));

    @Test
    void phaseOneAllowsTwelveToTwentyFourMonthsForPublicAndTwelveToEighteenForPrivate() {
        for (int months : new int[] { 12, 18, 24 }) {
            assertDoesNotThrow(() -> rules.check("PHASE_1", StructureCategory.PUBLIC, months));
        }
        assertOutOfBounds("PHASE_1", StructureCategory.PUBLIC, 11);
        assertOutOfBounds("PHASE_1", StructureCategory.PUBLIC, 25);
        assertDoesNotThrow(() -> rules.check("PHASE_1", StructureCategory.PRIVATE, 18));
        assertOutOfBounds("PHASE_1", StructureCategory.PRIVATE, 19);
    }

    @Test
    void phaseTwoIsThirtySixMonths() {
        assertDoesNotThrow(() -> rules.check("PHASE_2", StructureCategory.PUBLIC, 36));
        assertOutOfBounds("PHASE_2", StructureCategory.PRIVATE, 24);
    }

    @Test
    void anUnknownPhaseIsRefused() {
        var refusal = assertThrows(BusinessRuleException.class, () -> rules.check("PHASE_9", StructureCategory.PUBLIC, 24));
        assertEquals("unknown-funding-phase", refusal.kind());
        assertEquals(java.util.Set.of("PHASE_1", "PHASE_2"), rules.phases());
    }

    @Test
    void aRangeMustBeOrderedAndPositive() {
        assertThrows(IllegalArgumentException.class, () -> new MonthRange(24, 12));
        assertThrows(IllegalArgumentException.class, () -> new MonthRange(0, 12));
        assertEquals("12..24", new MonthRange(12, 24).toString());
        assertEquals("36", new MonthRange(36, 36).toString());
    }

    private void assertOutOfBounds(String phase, StructureCategory category, int months) {
        var refusal = assertThrows(BusinessRuleException.class, () -> rules.check(phase, category, months));
        assertEquals("contract-months-out-of-bounds", refusal.kind());
    }
}
