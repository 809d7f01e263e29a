package fr.cnfs.applications.api;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.StructureType;

/** Request bodies of the applications API. */
public final class ApplicationRequests {

    private ApplicationRequests() {
    }

    @Schema(name = "StructureInput", description = "The structure accueillante applying")
    public record StructureInput(
            @NotBlank @Pattern(regexp = "\\d{14}", message = "must be 14 digits") String siret,
            @NotBlank @Size(max = 200) String name,
            @NotNull StructureType type,
            @NotBlank @Pattern(regexp = "[0-9][0-9AB][0-9]{3}", message = "must be an INSEE commune code")
            String communeCode,
            boolean qpv,
            boolean zrr) {
    }

    @Schema(name = "CreateApplication")
    public record CreateApplication(
            @NotNull @Valid StructureInput structure,
            UUID campaignId,
            @Min(1) @Max(50) int postsRequested,
            @Min(12) @Max(36) int contractMonths) {
    }

    @Schema(name = "ApproveApplication")
    public record Approve(
            @Min(1) @Max(50) int postsGranted,
            @NotBlank @Pattern(regexp = "COSELEC \\d{1,4}", message = "must look like 'COSELEC 12'") String decisionNumber) {
    }
}
