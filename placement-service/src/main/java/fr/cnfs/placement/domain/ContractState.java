package fr.cnfs.placement.domain;

/** PROPOSED at recruitment, ACTIVE once finalized, then ENDED; CANCELLED if the recruitment does not go through. */
public enum ContractState {
    PROPOSED,
    ACTIVE,
    ENDED,
    CANCELLED
}
