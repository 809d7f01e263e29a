package fr.cnfs.placement.domain;

import fr.cnfs.territory.TerritoryZone;

/** The filters of the adviser list; null means "any". {@code accountSubject} limits an adviser to its own profile. */
public record ConseillerFilter(String accountSubject, ConseillerStatus status, TrainingStatus trainingStatus,
        Mobility mobility, String communeCode, String departementCode, String regionCode, TerritoryZone territoryZone,
        String email) {
}
