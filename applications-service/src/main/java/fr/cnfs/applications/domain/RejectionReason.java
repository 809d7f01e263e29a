package fr.cnfs.applications.domain;

/** The fixed list of grounds a COSELEC may refuse an application on. */
public enum RejectionReason {
    /** The structure does not belong to a category the campaign is open to, or is not a legal employer. */
    INELIGIBLE_STRUCTURE,
    /** Information or documents are missing and were not supplied. */
    INCOMPLETE_APPLICATION,
    /** The need for digital inclusion is not shown, or already covered on the territory. */
    INSUFFICIENT_NEED,
    /** The campaign's national quota is used up. */
    QUOTA_EXHAUSTED,
    /** The prefect's opinion is unfavourable. */
    UNFAVORABLE_PREFECT_OPINION,
    /** Another application of the structure covers the same posts. */
    DUPLICATE_APPLICATION,
    /** Any other ground, explained in the comment. */
    OTHER
}
