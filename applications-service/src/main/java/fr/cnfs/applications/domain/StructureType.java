package fr.cnfs.applications.domain;

/** The legal form of a structure accueillante; it fixes the category, which the funding rules depend on. */
public enum StructureType {
    COMMUNE(StructureCategory.PUBLIC),
    EPCI(StructureCategory.PUBLIC),
    DEPARTEMENT(StructureCategory.PUBLIC),
    REGION(StructureCategory.PUBLIC),
    SYNDICAT(StructureCategory.PUBLIC),
    GIP(StructureCategory.PUBLIC),
    COLLECTIVITE_OUTRE_MER(StructureCategory.PUBLIC),
    ASSOCIATION(StructureCategory.PRIVATE),
    ESS_COMPANY(StructureCategory.PRIVATE);

    private final StructureCategory category;

    StructureType(StructureCategory category) {
        this.category = category;
    }

    public StructureCategory category() {
        return category;
    }
}
