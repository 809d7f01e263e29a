package fr.cnfs.placement.domain;

import java.util.List;

/** A match with what its views show: the post, the adviser, the current contract (or null) and the history. */
public record MatchDetails(Match match, Post post, Conseiller conseiller, Contract contract,
        List<MatchTransition> history) {
}
