package fr.cnfs.applications.domain;

/** The legal form of a structure accueillante; it fixes the category, which the funding rules depend on. */
public enum StructureType {
    COMMUNE(Category.PUBLIC),
    EPCI(Category.PUBLIC),
    DEPARTEMENT(Category.PUBLIC),
    REGION(Category.PUBLIC),
    SYNDICAT(Category.PUBLIC),
    GIP(Category.PUBLIC),
    COLLECTIVITE_OUTRE_MER(Category.PUBLIC),
    ASSOCIATION(Category.PRIVATE),
    ESS_COMPANY(Category.PRIVATE);

    public enum Category { PUBLIC, PRIVATE }

    private final Category category;

    StructureType(Category category) {
        this.category = category;
    }

    public Category category() {
        return category;
    }
}
