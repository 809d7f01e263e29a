package fr.cnfs.placement.domain;

import java.util.Objects;
import java.util.Optional;

import fr.cnfs.territory.Commune;
import fr.cnfs.territory.TerritorialReferential;
import fr.cnfs.territory.TerritoryZone;

/**
 * Where a post or an adviser is, resolved from the referential once.
 *
 * @param homeCommuneCode the commune, or its city for a municipal arrondissement: Lyon 1er is in Lyon
 * @param epciSiren       null where the commune belongs to no EPCI (a few islands, the COM)
 * @param territoryCode   the département for the mainland and the DROM, the COM code for a COM
 */
public record Place(String communeCode, String communeName, String homeCommuneCode, String epciSiren,
        String departementCode, String regionCode, TerritoryZone zone, String territoryCode) {

    public Place {
        Objects.requireNonNull(homeCommuneCode, "homeCommuneCode");
        Objects.requireNonNull(departementCode, "departementCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(territoryCode, "territoryCode");
    }

    /** The place of a commune of the official geographic code; empty when the code is unknown. */
    public static Optional<Place> ofCommune(String communeCode) {
        TerritorialReferential referential = TerritorialReferential.instance();
        return referential.commune(communeCode).map(commune -> of(referential, commune));
    }

    private static Place of(TerritorialReferential referential, Commune commune) {
        String home = referential.parentCommuneOf(commune.code()).map(Commune::code).orElse(commune.code());
        return new Place(commune.code(), commune.name(), home, commune.epciSiren(), commune.departementCode(),
                commune.regionCode(), commune.zone(), referential.territoryCodeOf(commune));
    }
}
