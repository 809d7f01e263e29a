package fr.cnfs.applications.domain;

/** Avis du préfet. */
public enum PrefectOpinion {
    FAVORABLE,
    UNFAVORABLE
}
