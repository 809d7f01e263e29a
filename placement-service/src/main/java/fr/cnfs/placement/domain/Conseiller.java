package fr.cnfs.placement.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

import fr.cnfs.territory.TerritoryZone;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An adviser of the national pool, with where they live resolved from the referential. */
@Entity
public class Conseiller extends PanacheEntityBase {

    @Id
    public UUID id;
    /** The token subject of the adviser's own account; null for a profile an admin created without one. */
    public String accountSubject;
    public String firstName;
    public String lastName;
    public String email;
    public String phone;
    public String communeCode;
    public String communeName;
    public String homeCommuneCode;
    public String epciSiren;
    public String departementCode;
    public String regionCode;
    @Enumerated(EnumType.STRING)
    public TerritoryZone territoryZone;
    public String territoryCode;
    @Enumerated(EnumType.STRING)
    public Mobility mobility;
    public LocalDate availableFrom;
    public boolean jobSeeker;
    public boolean digitalMediationDiploma;
    public boolean priorExperience;
    @Enumerated(EnumType.STRING)
    public ConseillerStatus status;
    @Enumerated(EnumType.STRING)
    public TrainingStatus trainingStatus;
    public LocalDate trainingEnrolledOn;
    public LocalDate trainingCertifiedOn;
    public LocalDate trainingAbandonedOn;
    public int trainingHoursCompleted;
    public Instant createdAt;
    public Instant updatedAt;

    @Version
    public long version;

    void moveTo(Place place) {
        communeCode = place.communeCode();
        communeName = place.communeName();
        homeCommuneCode = place.homeCommuneCode();
        epciSiren = place.epciSiren();
        departementCode = place.departementCode();
        regionCode = place.regionCode();
        territoryZone = place.zone();
        territoryCode = place.territoryCode();
    }

    public Place place() {
        return new Place(communeCode, communeName, homeCommuneCode, epciSiren, departementCode, regionCode,
                territoryZone, territoryCode);
    }
}
