package fr.cnfs.placement.domain;

/** VACANT ⇄ OCCUPIED as contracts start and end; VACANT → RETURNED is final. */
public enum PostState {
    VACANT,
    OCCUPIED,
    RETURNED
}
