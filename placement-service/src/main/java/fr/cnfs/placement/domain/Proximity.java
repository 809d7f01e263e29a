package fr.cnfs.placement.domain;

/** How close an adviser lives to a post: the candidate rank, best first. */
public enum Proximity {
    COMMUNE,
    EPCI,
    DEPARTEMENT,
    REGION,
    NATIONAL;

    /** 1 for the same commune … 5 for national. */
    public int rank() {
        return ordinal() + 1;
    }

    public static Proximity ofRank(int rank) {
        return values()[rank - 1];
    }
}
