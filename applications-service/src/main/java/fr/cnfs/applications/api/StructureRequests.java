package fr.cnfs.applications.api;

import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonAnySetter;

import fr.cnfs.applications.domain.Contact;
import fr.cnfs.applications.domain.StructureService.ContactChanges;
import fr.cnfs.applications.domain.StructureType;

/** Request bodies of the structures API. */
public final class StructureRequests {

    static final String INSEE_COMMUNE = "[0-9][0-9AB][0-9]{3}";
    static final String PHONE = "\\+?[0-9][0-9 .()-]{5,24}";
    static final String NOT_BLANK = "(?s).*\\S.*";

    private StructureRequests() {
    }

    @Schema(name = "ContactInput", description = "The person the programme talks to at the structure")
    public record ContactInput(
            @NotBlank @Size(max = 100) @Schema(examples = "Claire") String firstName,
            @NotBlank @Size(max = 100) @Schema(examples = "Martin") String lastName,
            @NotBlank @Size(max = 100) @Schema(examples = "Cheffe de projet inclusion numérique") String role,
            @NotBlank @Email @Size(max = 254) @Schema(examples = "claire.martin@mairie-lyon.fr") String email,
            @NotBlank @Pattern(regexp = PHONE, message = "must be a phone number") @Schema(examples = "+33 4 72 10 30 30")
            String phone) {

        Contact toContact() {
            return new Contact(firstName.strip(), lastName.strip(), role.strip(), email.strip(), phone.strip());
        }
    }

    @Schema(name = "RegisterStructure", description = "A structure accueillante registering. Category, département, "
            + "région and zone are derived (from the type and the commune), never taken from input.")
    public record RegisterStructure(
            @NotBlank @ValidSiret @Schema(description = "14 digits; a COMMUNE's starts with the commune's SIREN, an "
                    + "EPCI's with the EPCI's", examples = "21690123100011") String siret,
            @NotBlank @Size(max = 200) @Schema(examples = "Commune de Lyon") String name,
            @NotNull StructureType type,
            @NotBlank @Pattern(regexp = INSEE_COMMUNE, message = "must be an INSEE commune code")
            @Schema(description = "INSEE code of the commune of the structure's seat", examples = "69123") String communeCode,
            @Schema(description = "In a quartier prioritaire de la politique de la ville") boolean qpv,
            @Schema(description = "In a zone de revitalisation rurale") boolean zrr,
            @NotNull @Valid ContactInput contact) {
    }

    @Schema(name = "ContactPatch", description = "Contact fields to change; an absent or null field is left as it is")
    public record ContactPatch(
            @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String firstName,
            @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String lastName,
            @Size(max = 100) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String role,
            @Email @Size(max = 254) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String email,
            @Pattern(regexp = PHONE, message = "must be a phone number") String phone) {

        ContactChanges toChanges() {
            return new ContactChanges(firstName, lastName, role, email, phone);
        }
    }

    /** Only the contact of a structure changes; any other field in the body is refused (400). */
    @Schema(name = "StructurePatch", description = "JSON merge patch of a structure: only its contact can change")
    public static final class StructurePatch {

        @NotNull
        @Valid
        public ContactPatch contact;

        private final Set<String> otherFields = new TreeSet<>();

        @JsonAnySetter
        void otherField(String name, Object value) {
            otherFields.add(name);
        }

        Set<String> otherFields() {
            return otherFields;
        }
    }
}
