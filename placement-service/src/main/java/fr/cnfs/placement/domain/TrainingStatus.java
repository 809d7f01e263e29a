package fr.cnfs.placement.domain;

/** NOT_STARTED → ENROLLED → CERTIFIED, or ABANDONED; see {@link TrainingAction}. */
public enum TrainingStatus {
    NOT_STARTED,
    ENROLLED,
    CERTIFIED,
    ABANDONED
}
