package fr.cnfs.funding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.contracts.events.ContractStarted;

class ContractComplianceTest {

    @Test
    void aFullTimeContractAtTheSmicInForceAtItsStartIsFunded() {
        assertEquals(Optional.empty(), ContractCompliance.breachOf(contract(LocalDate.of(2021, 1, 4), "1554.58", "35")));
        assertEquals(Optional.empty(), ContractCompliance.breachOf(contract(LocalDate.of(2024, 1, 1), "1766.92", "35.00")));
        assertEquals(Optional.empty(), ContractCompliance.breachOf(contract(LocalDate.of(2021, 9, 30), "1554.58", "39")));
    }

    @Test
    void belowTheSmicOfItsStartDateIsRefused() {
        // 1,554.58 was the SMIC until 30 September 2021; from 1 October 2021 it is 1,589.47.
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2021, 10, 1), "1554.58", "35")).orElseThrow()
                .contains("below the gross monthly SMIC of 1589.47 in force on 2021-10-01"));
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2024, 1, 1), "1766.91", "35")).isPresent());
    }

    @Test
    void partTimeIsRefused() {
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2022, 1, 3), "2000.00", "34.5")).orElseThrow()
                .contains("35 hours"));
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2022, 1, 3), "2000.00", null)).isPresent());
    }

    @Test
    void incompleteOrInconsistentContractsAreRefused() {
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2020, 12, 1), "2000.00", "35")).orElseThrow()
                .contains("no SMIC"));
        assertTrue(ContractCompliance.breachOf(contract(LocalDate.of(2022, 1, 3), null, "35")).isPresent());
        ContractStarted endsBeforeStart = new ContractStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID(), "21690123100011", "CDD", LocalDate.of(2022, 1, 3), LocalDate.of(2022, 1, 2),
                new BigDecimal("2000.00"), new BigDecimal("35"));
        assertTrue(ContractCompliance.breachOf(endsBeforeStart).isPresent());
    }

    private static ContractStarted contract(LocalDate start, String salary, String hours) {
        return new ContractStarted(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "21690123100011", "CDD", start, start.plusMonths(24).minusDays(1),
                salary == null ? null : new BigDecimal(salary), hours == null ? null : new BigDecimal(hours));
    }
}
