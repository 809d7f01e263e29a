package fr.cnfs.applications.api;

import java.time.LocalDate;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.StructureCategory;

/** Request bodies of the campaigns API. */
public final class CampaignRequests {

    private CampaignRequests() {
    }

    @Schema(name = "CreateCampaign", description = "A new AMI wave")
    public record CreateCampaign(
            @NotBlank @Size(max = 200) @Schema(examples = "AMI 2021 - vague 1") String name,
            @NotNull @Schema(description = "First day applications may be submitted", examples = "2021-01-15")
            LocalDate opensOn,
            @NotNull @Schema(description = "Last day applications may be submitted (included)", examples = "2021-03-31")
            LocalDate closesOn,
            @NotNull @Min(1) @Max(100_000) @Schema(description = "National number of posts", examples = "4000")
            Integer postQuota,
            @NotEmpty @Schema(description = "Categories of structures that may apply") Set<@NotNull StructureCategory> eligibleCategories,
            @NotBlank @Pattern(regexp = "PHASE_[0-9]{1,2}", message = "must look like PHASE_1")
            @Schema(description = "Funding rule phase: fixes the contract durations allowed here and the amounts in "
                    + "funding-service", examples = "PHASE_1") String fundingPhase,
            @Min(1) @Max(36) @Schema(description = "Months after the decision to fill the posts; 3 when absent",
                    examples = "3") Integer recruitmentDeadlineMonths) {
    }
}
