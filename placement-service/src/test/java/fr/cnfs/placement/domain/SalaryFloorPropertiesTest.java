package fr.cnfs.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.territory.SmicTable;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The salary floor is exact to the cent on every day the SMIC table covers. */
class SalaryFloorPropertiesTest {

    private final ContractRules rules = new ContractRules(SmicTable.instance());

    @Provide
    Arbitrary<LocalDate> startDates() {
        return Arbitraries.integers().between(0, 365 * 6).map(days -> LocalDate.of(2021, 1, 1).plusDays(days));
    }

    @Provide
    Arbitrary<BigDecimal> cents() {
        return Arbitraries.longs().between(0, 200_000).map(cents -> BigDecimal.valueOf(cents, 2));
    }

    @Property
    void atOrAboveTheSmicInForceIsAccepted(@ForAll("startDates") LocalDate start, @ForAll("cents") BigDecimal above) {
        BigDecimal salary = SmicTable.instance().grossMonthlyAt(start).add(above);
        rules.checkProposal(new ContractProposal(ContractType.CDI, start, null, salary, new BigDecimal("35")));
    }

    @Property
    void belowTheSmicInForceIsRefusedByName(@ForAll("startDates") LocalDate start, @ForAll("cents") BigDecimal below) {
        BigDecimal salary = SmicTable.instance().grossMonthlyAt(start).subtract(below).subtract(new BigDecimal("0.01"));
        var refusal = assertThrows(BusinessRuleException.class, () -> rules.checkProposal(
                new ContractProposal(ContractType.CDD, start, start.plusMonths(12), salary, new BigDecimal("35"))));
        assertEquals("salary-at-least-smic", refusal.kind());
    }
}
