package fr.cnfs.placement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** The contract a structure proposes when it recruits an adviser. */
public record ContractProposal(
        ContractType contractType,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal grossMonthlySalary,
        BigDecimal weeklyHours) {
}
