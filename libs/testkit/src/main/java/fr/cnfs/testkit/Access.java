package fr.cnfs.testkit;

/** How a role may use an operation: by role alone, or only on its own objects (the token claim that decides). */
public enum Access {

    /** The role is enough. */
    ANY("yes"),
    /** Only objects of the token's {@code siret}; another's answers 404. */
    OWN_SIRET("own SIRET"),
    /** Only objects of the token's {@code departement}; another's answers 404. */
    OWN_DEPARTEMENT("own département"),
    /** Only the caller's own profile (the token's subject); another's answers 404. */
    OWN_PROFILE("own profile"),
    /** A list that holds only the objects of the token's {@code siret}; another's never appear. */
    LIST_OWN_SIRET("own SIRET only"),
    /** A list that holds only the objects of the token's {@code departement}. */
    LIST_OWN_DEPARTEMENT("own département only"),
    /** A list that holds only the caller's own profile. */
    LIST_OWN_PROFILE("own profile only");

    private final String label;

    Access(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The operation names one object: someone else's is a 404. */
    public boolean objectScoped() {
        return this == OWN_SIRET || this == OWN_DEPARTEMENT || this == OWN_PROFILE;
    }

    /** The operation lists objects: someone else's are filtered out. */
    public boolean listScoped() {
        return this == LIST_OWN_SIRET || this == LIST_OWN_DEPARTEMENT || this == LIST_OWN_PROFILE;
    }
}
