package fr.cnfs.applications.api;

import java.time.LocalDate;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import fr.cnfs.applications.domain.ApplicationService.ApplicationChanges;
import fr.cnfs.applications.domain.CommentKind;
import fr.cnfs.applications.domain.PrefectOpinion;
import fr.cnfs.applications.domain.RejectionReason;

/** Request bodies of the applications API. */
public final class ApplicationRequests {

    static final int MOTIVATION_MAX = 2_500;
    static final int COMMENT_MAX = 2_000;

    private ApplicationRequests() {
    }

    @Schema(name = "CreateApplication", description = "A structure applies to a campaign; the application starts as a DRAFT")
    public record CreateApplication(
            @NotNull @Schema(description = "The registered structure applying (POST /structures)") UUID structureId,
            @NotNull @Schema(description = "The campaign applied to (GET /campaigns)") UUID campaignId,
            @NotNull @Min(1) @Max(50) @Schema(examples = "3") Integer postsRequested,
            @NotNull @Min(1) @Max(120) @Schema(description = "Within the campaign phase's bounds for the structure's "
                    + "category, e.g. 12..24 for a public structure in PHASE_1", examples = "24") Integer contractMonths,
            @NotNull @FutureOrPresent @Schema(examples = "2021-05-01") LocalDate desiredStartDate,
            @NotBlank @Size(max = MOTIVATION_MAX) String motivation,
            @Schema(description = "The structure holds the France Services label") boolean franceServicesLabel) {
    }

    /** PATCH body: absent or null fields are left as they are; any other field is refused (400). */
    @Schema(name = "ApplicationPatch", description = "JSON merge patch of a DRAFT or CHANGES_REQUESTED application")
    public static final class ApplicationPatch {

        @Min(1)
        @Max(50)
        public Integer postsRequested;
        @Min(1)
        @Max(120)
        public Integer contractMonths;
        @FutureOrPresent
        public LocalDate desiredStartDate;
        @Size(max = MOTIVATION_MAX)
        @Pattern(regexp = StructureRequests.NOT_BLANK, message = "must not be blank")
        public String motivation;
        public Boolean franceServicesLabel;

        private final Set<String> otherFields = new TreeSet<>();

        @JsonAnySetter
        void otherField(String name, Object value) {
            otherFields.add(name);
        }

        Set<String> otherFields() {
            return otherFields;
        }

        ApplicationChanges toChanges() {
            return new ApplicationChanges(postsRequested, contractMonths, desiredStartDate, motivation,
                    franceServicesLabel);
        }
    }

    @Schema(name = "Approve", description = "The COSELEC decision granting posts")
    public record Approve(
            @NotNull @Min(1) @Max(50) @Schema(description = "At most postsRequested, within the campaign's remaining "
                    + "quota", examples = "2") Integer postsGranted,
            @NotBlank @Pattern(regexp = "COSELEC [0-9]{1,4}", message = "must look like 'COSELEC 12'")
            @Schema(examples = "COSELEC 12") String decisionNumber,
            @Schema(description = "Recruitment of these posts is a priority") boolean priority,
            @Size(max = COMMENT_MAX) String comment) {
    }

    @Schema(name = "Reject", description = "The COSELEC decision refusing the application")
    public record Reject(
            @NotNull RejectionReason reason,
            @Size(max = COMMENT_MAX) @Schema(description = "Required when the reason is OTHER") String comment) {
    }

    @Schema(name = "RequestChanges", description = "What the structure must change; it sees this message")
    public record RequestChanges(@NotBlank @Size(max = COMMENT_MAX) String message) {
    }

    @Schema(name = "CommandComment", description = "An optional comment, kept in the history")
    public record CommandComment(@Size(max = COMMENT_MAX) String comment) {
    }

    @Schema(name = "GivePrefectOpinion", description = "The avis du préfet")
    public record GivePrefectOpinion(
            @NotNull PrefectOpinion opinion,
            @NotBlank @Size(max = COMMENT_MAX) String comment) {
    }

    @Schema(name = "PostComment")
    public record PostComment(
            @NotNull @Schema(description = "MESSAGE: the structure sees it; INTERNAL_NOTE: State agents only "
                    + "(a structure may not write one)") CommentKind kind,
            @NotBlank @Size(max = 4_000) String body) {
    }
}
