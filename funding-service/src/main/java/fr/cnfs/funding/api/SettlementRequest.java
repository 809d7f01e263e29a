package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "RecoverySettlementRequest", description = "Money received back; the reference makes it idempotent")
public record SettlementRequest(
        @NotNull LocalDate receivedOn,
        @NotNull @DecimalMin("0.01") @Digits(integer = 12, fraction = 2) BigDecimal amount,
        @NotBlank @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._/-]{0,99}", message = "must be 1 to 100 letters, digits, '.', '_', '/' or '-'")
        String reference) {
}
