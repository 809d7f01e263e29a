package fr.cnfs.placement.domain;

import java.util.UUID;

/** Filters of the match list; null means "any". A structure is held to its siret, an adviser to its profile. */
public record MatchFilter(String siret, UUID conseillerId, UUID postId, MatchState state) {
}
