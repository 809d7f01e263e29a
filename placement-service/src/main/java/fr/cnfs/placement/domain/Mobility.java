package fr.cnfs.placement.domain;

/** How far an adviser is ready to work from home, from nearest to farthest. */
public enum Mobility {
    COMMUNE,
    EPCI,
    DEPARTEMENT,
    REGION,
    NATIONAL;

    /** Whether an adviser with this mobility accepts a post at that proximity. */
    public boolean reaches(Proximity proximity) {
        return ordinal() >= proximity.ordinal();
    }
}
