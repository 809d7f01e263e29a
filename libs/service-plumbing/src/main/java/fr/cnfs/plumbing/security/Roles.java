package fr.cnfs.plumbing.security;

/** The roles of DESIGN §7, carried in the token's {@code groups} claim. */
public final class Roles {

    public static final String STRUCTURE = "structure";
    public static final String PREFET = "prefet";
    public static final String INSTRUCTEUR = "instructeur";
    public static final String FINANCE = "finance";
    public static final String CONSEILLER = "conseiller";
    public static final String ADMIN = "admin";

    public static final String[] ALL = { STRUCTURE, PREFET, INSTRUCTEUR, FINANCE, CONSEILLER, ADMIN };

    private Roles() {
    }
}
