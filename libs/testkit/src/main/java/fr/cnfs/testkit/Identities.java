package fr.cnfs.testkit;

import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.Tokens;

/** Tokens of callers for the matrix: one of each role, and strangers who own nothing the tests create. */
public final class Identities {

    public static final String STRUCTURE = "structure";
    public static final String PREFET = "prefet";
    public static final String INSTRUCTEUR = "instructeur";
    public static final String FINANCE = "finance";
    public static final String CONSEILLER = "conseiller";
    public static final String ADMIN = "admin";

    /** In the column order of the documented matrix. */
    public static final String[] ROLES = { STRUCTURE, PREFET, INSTRUCTEUR, FINANCE, CONSEILLER, ADMIN };

    private static final ObjectMapper JSON = new ObjectMapper();

    private Identities() {
    }

    /** A caller with that role and claims of its own, owning nothing a test built. */
    public static String someone(String role) {
        return switch (role) {
            case STRUCTURE -> strangerStructure();
            case PREFET -> Tokens.prefet("2A");
            case CONSEILLER -> strangerConseiller();
            default -> Tokens.forRole(role);
        };
    }

    /** A structure of a SIRET no test registers (the 14 digits need not be a valid SIRET for a token claim). */
    public static String strangerStructure() {
        return Tokens.structure("9" + String.format("%013d", ThreadLocalRandom.current().nextLong(1_000_000_000_000L)));
    }

    public static String strangerConseiller() {
        return Tokens.conseiller("conseiller-" + UUID.randomUUID());
    }

    /** The prefect of a département other than {@code departement}. */
    public static String prefetOtherThan(String departement) {
        return Tokens.prefet("13".equals(departement) ? "75" : "13");
    }

    /** The subject ({@code sub}) of a token, to find it in the audit trail. */
    public static String subjectOf(String token) {
        try {
            String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
            return JSON.readTree(payload).path("sub").asText();
        } catch (Exception e) {
            throw new IllegalArgumentException("not a JWT", e);
        }
    }
}
