package fr.cnfs.applications.domain;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.territory.TerritoryZone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A structure accueillante, identified by its SIRET. Its identity and territory are fixed at registration (the
 * territory derived from the commune code); only the contact changes afterwards.
 */
@Entity
public class Structure extends PanacheEntityBase {

    @Id
    public UUID id;

    public String siret;
    public String name;
    /** {@link SearchText#normalize} of the name, what the text search compares. */
    public String nameSearch;
    @Enumerated(EnumType.STRING)
    public StructureType type;
    @Enumerated(EnumType.STRING)
    public StructureCategory category;

    public String communeCode;
    public String departementCode;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public TerritoryZone territoryZone;
    public String territoryCode;
    /** In a quartier prioritaire de la politique de la ville. */
    public boolean qpv;
    /** In a zone de revitalisation rurale. */
    public boolean zrr;

    /** Null only for structures carried over from before registration existed (migration V2). */
    @Embedded
    public Contact contact;

    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    public static Optional<Structure> findBySiret(String siret) {
        return find("siret", siret).firstResultOptional();
    }

    /** The structure as events carry it, so that no consumer needs to ask this service. */
    public StructureSnapshot snapshot() {
        return new StructureSnapshot(siret, name, type.name(), category.name(), communeCode, departementCode,
                regionCode, territoryZone.name(), territoryCode, qpv, zrr);
    }
}
