package fr.cnfs.applications.api;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.applications.domain.Contact;
import fr.cnfs.applications.domain.Structure;
import fr.cnfs.applications.domain.StructureCategory;
import fr.cnfs.applications.domain.StructureType;
import fr.cnfs.territory.Commune;
import fr.cnfs.territory.TerritorialReferential;
import fr.cnfs.territory.TerritoryZone;

@Schema(name = "Structure", description = "A structure accueillante")
public record StructureView(
        UUID id,
        String siret,
        String name,
        StructureType type,
        @Schema(description = "Derived from the type") StructureCategory category,
        String communeCode,
        @Schema(description = "From the territorial referential") String communeName,
        @Schema(description = "Derived from the commune") String departementCode,
        @Schema(description = "Derived from the commune") String regionCode,
        @Schema(description = "Derived from the commune") TerritoryZone territoryZone,
        @Schema(description = "INSEE territory code keying the overseas increase: the département, or the COM")
        String territoryCode,
        boolean qpv,
        boolean zrr,
        @Schema(description = "Null only for structures carried over from before registration existed") ContactView contact,
        Instant createdAt,
        Instant updatedAt,
        @Schema(description = "Also the ETag; send it back in If-Match to update") long version) {

    @Schema(name = "Contact")
    public record ContactView(String firstName, String lastName, String role, String email, String phone) {

        static ContactView of(Contact contact) {
            return contact == null ? null
                    : new ContactView(contact.firstName, contact.lastName, contact.role, contact.email, contact.phone);
        }
    }

    static StructureView of(Structure structure) {
        String communeName = TerritorialReferential.instance().commune(structure.communeCode).map(Commune::name)
                .orElse(null);
        return new StructureView(structure.id, structure.siret, structure.name, structure.type, structure.category,
                structure.communeCode, communeName, structure.departementCode, structure.regionCode,
                structure.territoryZone, structure.territoryCode, structure.qpv, structure.zrr,
                ContactView.of(structure.contact), structure.createdAt, structure.updatedAt, structure.version);
    }
}
