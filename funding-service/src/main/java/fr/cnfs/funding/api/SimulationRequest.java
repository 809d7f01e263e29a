package fr.cnfs.funding.api;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "FundingSimulationRequest", description = "What an applicant would be granted; give a communeCode or a territoryCode")
public record SimulationRequest(
        @NotNull @Pattern(regexp = "PUBLIC|PRIVATE", message = "must be PUBLIC or PRIVATE") String category,
        @Pattern(regexp = "[0-9]{5}|2[AB][0-9]{3}", message = "must be an INSEE commune code") String communeCode,
        @Pattern(regexp = "[0-9]{2,3}|2[AB]", message = "must be an INSEE territory code (69, 2A, 971, 987...)")
        String territoryCode,
        @NotNull @Min(1) @Max(120) Integer contractMonths,
        @NotNull @Min(1) @Max(4000) Integer posts,
        @Pattern(regexp = "[A-Z0-9_]{1,20}", message = "must be a phase code such as PHASE_1") String phase,
        Boolean qpv,
        Boolean zrr) {
}
