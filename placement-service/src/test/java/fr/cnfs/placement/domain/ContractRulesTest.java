package fr.cnfs.placement.domain;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.territory.SmicTable;

class ContractRulesTest {

    private final ContractRules rules = new ContractRules(SmicTable.instance());

    private static ContractProposal proposal(ContractType type, String start, String end, String salary, String hours) {
        return new ContractProposal(type, LocalDate.parse(start), end == null ? null : LocalDate.parse(end),
                new BigDecimal(salary), new BigDecimal(hours));
    }

    private String ruleBrokenBy(ContractProposal proposal) {
        var refusal = assertThrows(BusinessRuleException.class, () -> rules.checkProposal(proposal));
        assertEquals(422, refusal.status());
        return refusal.kind();
    }

    @Test
    void aValidProposalOfEachType() {
        assertDoesNotThrow(() -> rules.checkProposal(proposal(ContractType.CDI, "2024-01-01", null, "1766.92", "35")));
        for (ContractType type : new ContractType[] { ContractType.CDD, ContractType.PEC, ContractType.CONTRAT_DE_PROJET }) {
            assertDoesNotThrow(() -> rules.checkProposal(proposal(type, "2024-01-01", "2025-12-31", "1800.00", "35.00")));
        }
    }

    @Test
    void theEndDateIsRequiredUnlessCdiAndAfterTheStart() {
        assertEquals("end-date-required", ruleBrokenBy(proposal(ContractType.CDD, "2024-01-01", null, "1800", "35")));
        assertEquals("end-date-required", ruleBrokenBy(proposal(ContractType.PEC, "2024-01-01", null, "1800", "35")));
        assertEquals("cdi-without-end-date",
                ruleBrokenBy(proposal(ContractType.CDI, "2024-01-01", "2025-01-01", "1800", "35")));
        assertEquals("end-date-after-start",
                ruleBrokenBy(proposal(ContractType.CDD, "2024-01-01", "2024-01-01", "1800", "35")));
        assertEquals("end-date-after-start",
                ruleBrokenBy(proposal(ContractType.CDD, "2024-01-01", "2023-12-31", "1800", "35")));
    }

    @ParameterizedTest(name = "{0} h")
    @CsvSource({ "34.99", "20", "35.01", "39" })
    void onlyFullTimeAt35Hours(String hours) {
        assertEquals("full-time-35-hours",
                ruleBrokenBy(proposal(ContractType.CDD, "2024-01-01", "2025-01-01", "1900", hours)));
    }

    /** Each official value, on its first day: at the SMIC is accepted, a cent below is refused. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2021-01-01, 1554.58", "2021-10-01, 1589.47", "2022-01-01, 1603.12", "2022-05-01, 1645.58",
            "2022-08-01, 1678.95", "2023-01-01, 1709.28", "2023-05-01, 1747.20", "2024-01-01, 1766.92",
            "2024-11-01, 1801.80", "2025-06-30, 1801.80", "2026-01-01, 1823.03" })
    void theSalaryIsAtLeastTheSmicInForceAtTheStartDate(LocalDate start, BigDecimal smic) {
        assertDoesNotThrow(() -> rules.checkProposal(new ContractProposal(ContractType.CDI, start, null, smic,
                new BigDecimal("35"))));
        assertEquals("salary-at-least-smic", ruleBrokenBy(new ContractProposal(ContractType.CDI, start, null,
                smic.subtract(new BigDecimal("0.01")), new BigDecimal("35"))));
    }

    @Test
    void theDayBeforeARevaluationTheOldValueHolds() {
        assertDoesNotThrow(() -> rules.checkProposal(proposal(ContractType.CDI, "2023-12-31", null, "1747.20", "35")));
        assertEquals("salary-at-least-smic",
                ruleBrokenBy(proposal(ContractType.CDI, "2024-01-01", null, "1747.20", "35")));
    }

    @Test
    void aStartBeforeTheSmicTableIsRefused() {
        assertEquals("start-date-covered-by-smic-table",
                ruleBrokenBy(proposal(ContractType.CDI, "2020-12-31", null, "5000", "35")));
    }

    @Test
    void ruptureRules() {
        LocalDate start = LocalDate.parse("2024-01-01");
        LocalDate end = LocalDate.parse("2025-12-31");
        LocalDate today = LocalDate.parse("2025-06-15");
        assertDoesNotThrow(() -> rules.checkRupture(today, RuptureReason.RESIGNATION, null, start, end, today));
        assertDoesNotThrow(() -> rules.checkRupture(start, RuptureReason.DISMISSAL, null, start, end, today));
        assertDoesNotThrow(() -> rules.checkRupture(end, RuptureReason.NON_RENEWAL, null, start, end, end));
        assertDoesNotThrow(() -> rules.checkRupture(today, RuptureReason.RESIGNATION, null, start, null, today));
        assertEquals("rupture-date-not-in-future", assertThrows(BusinessRuleException.class,
                () -> rules.checkRupture(today.plusDays(1), RuptureReason.RESIGNATION, null, start, end, today)).kind());
        assertEquals("rupture-date-not-before-start", assertThrows(BusinessRuleException.class,
                () -> rules.checkRupture(start.minusDays(1), RuptureReason.RESIGNATION, null, start, end, today)).kind());
        assertEquals("rupture-date-not-after-end", assertThrows(BusinessRuleException.class,
                () -> rules.checkRupture(end.plusDays(1), RuptureReason.END_OF_FUNDING, null, start, end,
                        end.plusDays(5))).kind());
        assertEquals("rupture-comment-required", assertThrows(BusinessRuleException.class,
                () -> rules.checkRupture(today, RuptureReason.OTHER, " ", start, end, today)).kind());
        assertDoesNotThrow(() -> rules.checkRupture(today, RuptureReason.OTHER, "décès", start, end, today));
    }
}
