package fr.cnfs.applications.domain;

/** Public or private structure: the funding rules (amounts, contract bounds) depend on it. */
public enum StructureCategory {
    PUBLIC,
    PRIVATE
}
