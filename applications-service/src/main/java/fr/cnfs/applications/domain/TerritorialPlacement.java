package fr.cnfs.applications.domain;

import fr.cnfs.territory.TerritoryZone;

/**
 * Where a structure sits, derived from its INSEE commune code and the referential, never taken from input.
 *
 * @param territoryCode the key of funding's overseas table: the département code, or the COM code for a COM
 */
public record TerritorialPlacement(
        String communeCode,
        String communeName,
        String departementCode,
        String regionCode,
        TerritoryZone zone,
        String territoryCode) {
}
