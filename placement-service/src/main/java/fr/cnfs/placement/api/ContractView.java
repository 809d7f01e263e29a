package fr.cnfs.placement.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.placement.domain.Contract;
import fr.cnfs.placement.domain.ContractState;
import fr.cnfs.placement.domain.ContractType;
import fr.cnfs.placement.domain.RuptureReason;

@Schema(name = "Contract", description = "An employment contract on a post")
public record ContractView(
        UUID id,
        UUID matchId,
        UUID postId,
        UUID conseillerId,
        ContractType contractType,
        LocalDate startDate,
        @Schema(description = "Null for a CDI") LocalDate endDate,
        @Schema(description = "Euros, two decimals", examples = "1766.92") BigDecimal grossMonthlySalary,
        BigDecimal weeklyHours,
        ContractState state,
        Instant proposedAt,
        @Schema(description = "When the recruitment was finalized") Instant startedAt,
        Rupture rupture,
        LocalDate endedOn,
        @Schema(description = "NATURAL_END or the rupture reason") String endReason) {

    @Schema(name = "Rupture", description = "A declared rupture, waiting for validation or validated")
    public record Rupture(LocalDate date, RuptureReason reason, String comment, Instant declaredAt) {
    }

    static ContractView of(Contract contract) {
        return new ContractView(contract.id, contract.matchId, contract.postId, contract.conseillerId,
                contract.contractType, contract.startDate, contract.endDate, contract.grossMonthlySalary,
                contract.weeklyHours, contract.state, contract.proposedAt, contract.startedAt,
                contract.ruptureDate == null ? null
                        : new Rupture(contract.ruptureDate, contract.ruptureReason, contract.ruptureComment,
                                contract.ruptureDeclaredAt),
                contract.endedOn, contract.endReason);
    }
}
