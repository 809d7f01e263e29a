package fr.cnfs.placement.api;

import java.time.LocalDate;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.placement.domain.ConseillerProfile;
import fr.cnfs.placement.domain.ConseillerStatus;
import fr.cnfs.placement.domain.Mobility;
import fr.cnfs.placement.domain.TrainingAction;
import fr.cnfs.placement.domain.TrainingEntry;

/** Request bodies of the adviser pool. */
public final class ConseillerRequests {

    static final String COMMUNE_CODE = "[0-9][0-9AB][0-9]{3}";
    static final String PHONE = "\\+?[0-9][0-9 .-]{7,18}[0-9]";

    private ConseillerRequests() {
    }

    @Schema(name = "RegisterConseiller", description = "Joins the pool. An adviser registers itself; an admin may"
            + " register anyone and bind the profile to an account with accountSubject.")
    public record Register(
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @NotBlank @Email @Size(max = 254) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @NotBlank @Pattern(regexp = COMMUNE_CODE, message = "must be an INSEE commune code") String communeCode,
            @NotNull Mobility mobility,
            @NotNull LocalDate availableFrom,
            boolean jobSeeker,
            boolean digitalMediationDiploma,
            boolean priorExperience,
            @Schema(description = "Admin only: the account (token subject) the profile belongs to")
            @Size(max = 255) String accountSubject) {

        ConseillerProfile profile() {
            return new ConseillerProfile(firstName, lastName, email, phone, communeCode, mobility, availableFrom,
                    jobSeeker, digitalMediationDiploma, priorExperience, null);
        }
    }

    @Schema(name = "ChangeConseiller", description = "JSON merge patch: the fields present are changed, the others"
            + " kept. status may be AVAILABLE or UNAVAILABLE; RECRUITED follows the contracts.")
    public record Change(
            @Size(min = 1, max = 100) String firstName,
            @Size(min = 1, max = 100) String lastName,
            @Email @Size(min = 3, max = 254) String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone,
            @Pattern(regexp = COMMUNE_CODE, message = "must be an INSEE commune code") String communeCode,
            Mobility mobility,
            LocalDate availableFrom,
            Boolean jobSeeker,
            Boolean digitalMediationDiploma,
            Boolean priorExperience,
            ConseillerStatus status) {

        ConseillerProfile changes() {
            return new ConseillerProfile(firstName, lastName, email, phone, communeCode, mobility, availableFrom,
                    jobSeeker, digitalMediationDiploma, priorExperience, status);
        }
    }

    @Schema(name = "RecordTraining", description = "ENROL, RECORD_PROGRESS, CERTIFY (admin only) or ABANDON")
    public record RecordTraining(
            @NotNull TrainingAction action,
            @NotNull @Schema(description = "When it happened; not in the future") LocalDate date,
            @Min(0) @Max(2000) @Schema(description = "Hours completed so far, in total; never decreasing")
            Integer hoursCompleted,
            @Size(max = 500) String comment) {

        TrainingEntry entry() {
            return new TrainingEntry(action, date, hoursCompleted, comment);
        }
    }
}
