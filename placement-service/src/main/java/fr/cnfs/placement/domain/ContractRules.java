package fr.cnfs.placement.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import fr.cnfs.territory.SmicTable;

/** The rules a contract proposal and a rupture must meet; each refusal names its rule (422). Pure. */
public final class ContractRules {

    /** Full time, the only working time the programme funds. */
    public static final BigDecimal FULL_TIME_WEEKLY_HOURS = new BigDecimal("35");

    private final SmicTable smic;

    public ContractRules(SmicTable smic) {
        this.smic = smic;
    }

    public void checkProposal(ContractProposal proposal) {
        if (proposal.contractType().hasEndDate() && proposal.endDate() == null) {
            throw new BusinessRuleException("end-date-required",
                    "a " + proposal.contractType() + " contract needs an endDate");
        }
        if (!proposal.contractType().hasEndDate() && proposal.endDate() != null) {
            throw new BusinessRuleException("cdi-without-end-date", "a CDI has no endDate");
        }
        if (proposal.endDate() != null && !proposal.endDate().isAfter(proposal.startDate())) {
            throw new BusinessRuleException("end-date-after-start",
                    "endDate " + proposal.endDate() + " must be after startDate " + proposal.startDate());
        }
        if (proposal.weeklyHours().compareTo(FULL_TIME_WEEKLY_HOURS) != 0) {
            throw new BusinessRuleException("full-time-35-hours",
                    "weeklyHours must be 35 (full time), not " + proposal.weeklyHours().stripTrailingZeros().toPlainString());
        }
        if (proposal.startDate().isBefore(smic.coveredFrom())) {
            throw new BusinessRuleException("start-date-covered-by-smic-table",
                    "startDate " + proposal.startDate() + " is before " + smic.coveredFrom()
                            + ", the first date of the SMIC table");
        }
        BigDecimal minimum = smic.grossMonthlyAt(proposal.startDate());
        if (proposal.grossMonthlySalary().compareTo(minimum) < 0) {
            throw new BusinessRuleException("salary-at-least-smic",
                    "grossMonthlySalary " + proposal.grossMonthlySalary().toPlainString()
                            + " is below the gross monthly SMIC of " + minimum.toPlainString() + " in force on "
                            + proposal.startDate());
        }
    }

    /**
     * The rupture date is not in the future, not before the contract's start and not after its end; OTHER needs a
     * comment.
     */
    public void checkRupture(LocalDate ruptureDate, RuptureReason reason, String comment, LocalDate contractStart,
            LocalDate contractEnd, LocalDate today) {
        if (ruptureDate.isAfter(today)) {
            throw new BusinessRuleException("rupture-date-not-in-future",
                    "the rupture date " + ruptureDate + " is after today, " + today);
        }
        if (ruptureDate.isBefore(contractStart)) {
            throw new BusinessRuleException("rupture-date-not-before-start",
                    "the rupture date " + ruptureDate + " is before the contract's start, " + contractStart);
        }
        if (contractEnd != null && ruptureDate.isAfter(contractEnd)) {
            throw new BusinessRuleException("rupture-date-not-after-end",
                    "the rupture date " + ruptureDate + " is after the contract's end, " + contractEnd);
        }
        if (reason == RuptureReason.OTHER && (comment == null || comment.isBlank())) {
            throw new BusinessRuleException("rupture-comment-required", "a rupture for reason OTHER needs a comment");
        }
    }
}
