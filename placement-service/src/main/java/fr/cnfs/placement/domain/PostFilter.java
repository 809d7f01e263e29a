package fr.cnfs.placement.domain;

import java.util.UUID;

/** The filters of the post list; null means "any". {@code siret} is forced to the caller's for a structure. */
public record PostFilter(UUID applicationId, String siret, PostState state, String departementCode, String regionCode,
        String territoryZone, Boolean overdue) {
}
