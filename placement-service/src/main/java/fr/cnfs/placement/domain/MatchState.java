package fr.cnfs.placement.domain;

import java.util.Set;

/** The states of a mise en relation; see {@link MatchCommand} for the transitions. */
public enum MatchState {
    NEW,
    SHORTLISTED,
    DECLINED,
    RECRUITED,
    FINALIZED,
    RUPTURE_DECLARED,
    ENDED,
    OBSOLETE;

    /** States that still hold a place for the adviser: at most one such match per adviser and post. */
    public static final Set<MatchState> OPEN = Set.of(NEW, SHORTLISTED, RECRUITED, FINALIZED, RUPTURE_DECLARED);

    /** States that a contract of the adviser elsewhere makes obsolete. */
    public static final Set<MatchState> PENDING = Set.of(NEW, SHORTLISTED, RECRUITED);

    /** A contract is active while the match is in one of these. */
    public static final Set<MatchState> UNDER_CONTRACT = Set.of(FINALIZED, RUPTURE_DECLARED);
}
