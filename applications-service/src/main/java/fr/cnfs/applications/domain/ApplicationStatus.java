package fr.cnfs.applications.domain;

/** The life of a candidature. Which command moves it where is {@link ApplicationCommand}'s business. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** A final application takes no more commands; a structure may then apply again in the same campaign. */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
