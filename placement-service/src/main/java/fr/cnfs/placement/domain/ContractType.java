package fr.cnfs.placement.domain;

/** CDI (open-ended), CDD (fixed-term), PEC (parcours emploi compétences) or contrat de projet. */
public enum ContractType {
    CDI,
    CDD,
    PEC,
    CONTRAT_DE_PROJET;

    public boolean hasEndDate() {
        return this != CDI;
    }
}
