package fr.cnfs.funding.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class RuleSetReaderTest {

    @Test
    void theBundledRuleSetsLoadWithTheirPeriodsAndBounds() {
        FundingRuleSet phase1 = RuleSetReader.read(resource("funding-rules/phase-1.json"), "phase-1");
        assertEquals("PHASE_1", phase1.phase());
        assertEquals(LocalDate.of(2021, 1, 1), phase1.effectiveFrom());
        assertEquals(LocalDate.of(2022, 12, 31), phase1.effectiveTo());
        assertEquals(12, phase1.minimumMonths());
        assertEquals(3, phase1.replacementWindowMonths());
        assertEquals(new BigDecimal("0.40"), phase1.overseasRate("971"));
        assertEquals(BigDecimal.ZERO, phase1.overseasRate("69"));
        assertEquals(13, phase1.overseasIncrease().size());
        assertTrue(phase1.isInForceOn(LocalDate.of(2022, 12, 31)));

        FundingRuleSet phase2 = RuleSetReader.read(resource("funding-rules/phase-2.json"), "phase-2");
        assertNull(phase2.effectiveTo());
        assertTrue(phase2.isInForceOn(LocalDate.of(2030, 1, 1)));
        assertEquals(new BigDecimal("42500.00"), phase2.category(StructureCategory.PUBLIC).orElseThrow().baseAmount(false));
        assertEquals(new BigDecimal("50000.00"), phase2.category(StructureCategory.PUBLIC).orElseThrow().baseAmount(true));
    }

    @Test
    void aRuleSetThatDoesNotAddUpStopsTheStart() {
        String sharesNotSummingToOne = ruleSet("""
                {"rank": 1, "share": "0.50", "dueAtOccupiedShare": "0"},
                {"rank": 2, "share": "0.30", "dueAtOccupiedShare": "1/2"},
                {"rank": 3, "share": "0.10", "dueAtOccupiedShare": "1"}""");
        assertInvalid(sharesNotSummingToOne, "sum to 0.90");
        assertInvalid(ruleSet("""
                {"rank": 1, "share": "0.50", "dueAtOccupiedShare": "0"},
                {"rank": 3, "share": "0.50", "dueAtOccupiedShare": "1"}"""), "ranks");
        assertInvalid(ruleSet("""
                {"rank": 1, "share": "0.50", "dueAtOccupiedShare": "1"},
                {"rank": 2, "share": "0.50", "dueAtOccupiedShare": "1/2"}"""), "rank order");
        assertInvalid(ruleSet("""
                {"rank": 1, "share": "0.50", "dueAtOccupiedShare": "0"},
                {"rank": 2, "amount": "100.00", "dueAtOccupiedShare": "1"}"""), "all carry");
        assertInvalid(ruleSet("""
                {"rank": 1, "share": 0.5, "dueAtOccupiedShare": "0"},
                {"rank": 2, "share": "0.50", "dueAtOccupiedShare": "1"}"""), "string");
        assertInvalid(ruleSet("""
                {"rank": 1, "share": "1", "dueAtOccupiedShare": "3/2"}"""), "between 0 and 1");
        assertInvalid("{\"phase\": \"X\"", "not valid JSON");
    }

    @Test
    void occupiedSharesAreExactFractions() {
        assertEquals(360, OccupiedShare.parse("1/2").thresholdDays(720));
        assertEquals(195, OccupiedShare.parse("1/2").thresholdDays(390));
        assertEquals(360, OccupiedShare.parse("1/3").thresholdDays(1080));
        assertEquals(720, OccupiedShare.parse("2/3").thresholdDays(1080));
        assertEquals(0, OccupiedShare.parse("0").thresholdDays(720));
        assertEquals(720, OccupiedShare.parse("1").thresholdDays(720));
        // Rounded up: half of 375 days is reached at 188, not 187.
        assertEquals(188, OccupiedShare.parse("1/2").thresholdDays(375));
    }

    private static String ruleSet(String tranches) {
        return """
                {"phase": "TEST", "version": "1", "name": "test", "effectiveFrom": "2021-01-01", "minimumMonths": 12,
                 "maximumMonths": 24, "replacementWindowMonths": 3,
                 "categories": [{"category": "PUBLIC", "referenceMonths": 24, "baseAmount": "50000.00", "tranches": [%s]}],
                 "overseasIncrease": {"971": "0.40"}}""".formatted(tranches);
    }

    private static void assertInvalid(String json, String expected) {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> RuleSetReader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "test"));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    private static java.io.InputStream resource(String name) {
        return RuleSetReaderTest.class.getClassLoader().getResourceAsStream(name);
    }
}
