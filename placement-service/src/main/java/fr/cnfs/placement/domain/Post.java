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

/** A funded position at a structure, named by the id the selection decision assigned. */
@Entity
public class Post extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID applicationId;
    public UUID campaignId;
    public String siret;
    public String structureName;
    public String communeCode;
    public String departementCode;
    public String regionCode;
    public String territoryZone;
    public int contractMonths;
    public LocalDate recruitmentDeadline;
    @Enumerated(EnumType.STRING)
    public PostState state;
    public LocalDate returnedOn;
    public Instant createdAt;

    @Version
    public long version;

    /** The post's place for matching; its commune comes from the structure's snapshot. */
    public Place place() {
        return Place.ofCommune(communeCode).orElseGet(() -> new Place(communeCode, structureName, communeCode, null,
                departementCode, regionCode, TerritoryZone.valueOf(territoryZone), departementCode));
    }

    public boolean isOverdue(LocalDate today) {
        return state == PostState.VACANT && recruitmentDeadline.isBefore(today);
    }
}
