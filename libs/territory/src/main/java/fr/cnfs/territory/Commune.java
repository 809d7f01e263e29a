package fr.cnfs.territory;

import java.util.List;
import java.util.Objects;

/**
 * A current commune (COG "commune-actuelle"), or a municipal arrondissement of Paris, Lyon or Marseille.
 *
 * @param code           INSEE code, 5 characters ("69123", "2A004", "97120")
 * @param siren          SIREN of the commune, or {@code null} where it has none: COM communes and municipal arrondissements
 * @param postalCodes    La Poste postal codes, possibly empty (uninhabited TAAF districts)
 * @param epciSiren      SIREN of its EPCI à fiscalité propre, or {@code null} where it belongs to none
 *                       (a few islands: Bréhat, Sein, Ouessant, Yeu; the COM)
 */
public record Commune(
        String code,
        String name,
        String departementCode,
        String regionCode,
        String siren,
        List<String> postalCodes,
        TerritoryZone zone,
        String epciSiren) {

    public Commune {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(departementCode, "departementCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(zone, "zone");
        postalCodes = postalCodes == null ? List.of() : List.copyOf(postalCodes);
    }
}
