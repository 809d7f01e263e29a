package fr.cnfs.placement.domain;

import java.util.Objects;
import java.util.Optional;

/**
 * The matching rule, in one pure place: how close an adviser is to a post, and whether the adviser's mobility reaches
 * it. {@link CandidateSearch} runs the same rule in SQL over the whole pool; a test checks that both agree.
 */
public final class CandidateRanking {

    private CandidateRanking() {
    }

    /**
     * The nearest level the two places share. Overseas territories match only inside their own territory, as the
     * real programme did: between two territories of which one is overseas there is no proximity at all.
     */
    public static Optional<Proximity> proximity(Place post, Place adviser) {
        if (Objects.equals(post.homeCommuneCode(), adviser.homeCommuneCode())) {
            return Optional.of(Proximity.COMMUNE);
        }
        if (post.epciSiren() != null && post.epciSiren().equals(adviser.epciSiren())) {
            return Optional.of(Proximity.EPCI);
        }
        if (post.departementCode().equals(adviser.departementCode())) {
            return Optional.of(Proximity.DEPARTEMENT);
        }
        if (post.regionCode().equals(adviser.regionCode())) {
            return Optional.of(Proximity.REGION);
        }
        if (post.zone().isOverseas() || adviser.zone().isOverseas()) {
            return Optional.empty();
        }
        return Optional.of(Proximity.NATIONAL);
    }

    /** The rank of the adviser for the post, or empty when the adviser's mobility does not reach it. */
    public static Optional<Proximity> reach(Place post, Place adviser, Mobility mobility) {
        return proximity(post, adviser).filter(mobility::reaches);
    }
}
