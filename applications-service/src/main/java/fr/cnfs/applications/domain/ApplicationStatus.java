package fr.cnfs.applications.domain;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The life of a candidature. Which command moves it where is {@link ApplicationCommand}'s business. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    /** The statuses of an application in progress: at most one per structure and campaign (a partial unique index). */
    public static final Set<ApplicationStatus> IN_PROGRESS = Arrays.stream(values()).filter(status -> !status.isFinal())
            .collect(Collectors.toUnmodifiableSet());

    /** A final application takes no more commands; a structure may then apply again in the same campaign. */
    public boolean isFinal() {
        return this == APPROVED || this == REJECTED || this == WITHDRAWN;
    }
}
