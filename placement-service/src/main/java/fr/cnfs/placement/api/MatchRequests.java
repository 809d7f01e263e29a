package fr.cnfs.placement.api;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.placement.domain.ContractProposal;
import fr.cnfs.placement.domain.ContractType;
import fr.cnfs.placement.domain.RuptureDeclaration;
import fr.cnfs.placement.domain.RuptureReason;

/** Request bodies of matching, recruitment and rupture. */
public final class MatchRequests {

    private MatchRequests() {
    }

    @Schema(name = "CreateMatch")
    public record CreateMatch(@NotNull UUID postId, @NotNull UUID conseillerId) {
    }

    @Schema(name = "DeclineMatch")
    public record Decline(@Size(max = 500) String reason) {
    }

    @Schema(name = "ContractProposal", description = "endDate is required unless CDI, and after startDate;"
            + " grossMonthlySalary at least the gross monthly SMIC in force at startDate; weeklyHours 35")
    public record ProposeContract(
            @NotNull ContractType contractType,
            @NotNull LocalDate startDate,
            LocalDate endDate,
            @NotNull @Positive @Digits(integer = 7, fraction = 2) @Schema(examples = "1766.92")
            BigDecimal grossMonthlySalary,
            @NotNull @Positive @DecimalMax("48") @Digits(integer = 2, fraction = 2) @Schema(examples = "35")
            BigDecimal weeklyHours) {

        ContractProposal proposal() {
            return new ContractProposal(contractType, startDate, endDate, grossMonthlySalary, weeklyHours);
        }
    }

    @Schema(name = "DeclareRupture", description = "date not in the future, within the contract; OTHER needs a comment")
    public record DeclareRupture(
            @NotNull LocalDate date,
            @NotNull RuptureReason reason,
            @Size(max = 500) String comment) {

        RuptureDeclaration declaration() {
            return new RuptureDeclaration(date, reason, comment);
        }
    }
}
