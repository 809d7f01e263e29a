package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.util.Optional;

import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.territory.SmicTable;

/**
 * What funding requires of a contract (DESIGN §5): full time (35 hours a week) and at least the gross monthly SMIC in
 * force at its start date. Mayotte has its own, lower SMIC that the table does not hold: the mainland SMIC applies
 * there, which is stricter than the law.
 */
public final class ContractCompliance {

    public static final BigDecimal FULL_TIME_WEEKLY_HOURS = new BigDecimal("35");

    private ContractCompliance() {
    }

    /** Why the contract cannot be funded, or empty when it can. */
    public static Optional<String> breachOf(ContractStarted contract) {
        if (contract.contractId() == null || contract.postId() == null || contract.startDate() == null) {
            return Optional.of("contractId, postId and startDate are required");
        }
        if (contract.endDate() != null && contract.endDate().isBefore(contract.startDate())) {
            return Optional.of("the contract ends (" + contract.endDate() + ") before it starts (" + contract.startDate() + ")");
        }
        if (contract.weeklyHours() == null || contract.weeklyHours().compareTo(FULL_TIME_WEEKLY_HOURS) < 0) {
            return Optional.of("weeklyHours " + contract.weeklyHours() + " is under the full time of 35 hours a week");
        }
        if (contract.grossMonthlySalary() == null) {
            return Optional.of("grossMonthlySalary is required");
        }
        SmicTable smic = SmicTable.instance();
        if (contract.startDate().isBefore(smic.coveredFrom())) {
            return Optional.of("no SMIC is known before " + smic.coveredFrom() + ": start date " + contract.startDate());
        }
        BigDecimal minimum = smic.grossMonthlyAt(contract.startDate());
        if (contract.grossMonthlySalary().compareTo(minimum) < 0) {
            return Optional.of("grossMonthlySalary " + contract.grossMonthlySalary() + " is below the gross monthly SMIC of "
                    + minimum + " in force on " + contract.startDate());
        }
        return Optional.empty();
    }
}
