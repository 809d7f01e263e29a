package fr.cnfs.applications.domain;

import java.util.EnumSet;
import java.util.Set;

/** The life of a candidature; {@link #canMoveTo} is the state machine, every command goes through it. */
public enum ApplicationStatus {
    DRAFT,
    SUBMITTED,
    UNDER_REVIEW,
    CHANGES_REQUESTED,
    APPROVED,
    REJECTED,
    WITHDRAWN;

    public boolean canMoveTo(ApplicationStatus target) {
        return successors().contains(target);
    }

    public boolean isFinal() {
        return successors().isEmpty();
    }

    private Set<ApplicationStatus> successors() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED, WITHDRAWN);
            case SUBMITTED -> EnumSet.of(UNDER_REVIEW, WITHDRAWN);
            case UNDER_REVIEW -> EnumSet.of(CHANGES_REQUESTED, APPROVED, REJECTED, WITHDRAWN);
            case CHANGES_REQUESTED -> EnumSet.of(UNDER_REVIEW, WITHDRAWN);
            case APPROVED, REJECTED, WITHDRAWN -> EnumSet.noneOf(ApplicationStatus.class);
        };
    }
}
