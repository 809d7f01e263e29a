package fr.cnfs.devstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Bearer tokens for tests, signed with the dev keys of the devstack running in this JVM. */
public final class Tokens {

    private static final Duration LIFETIME = Duration.ofHours(1);

    private Tokens() {
    }

    public static String of(DevIdentities identity) {
        return identity.token(DevKeys.current(), LIFETIME);
    }

    public static String admin() {
        return of(DevIdentities.ADMIN);
    }

    public static String instructeur() {
        return of(DevIdentities.INSTRUCTEUR);
    }

    public static String finance() {
        return of(DevIdentities.FINANCE);
    }

    public static String structure(String siret) {
        return DevKeys.current().mint("structure-" + siret, List.of("structure"), Map.of("siret", siret), LIFETIME);
    }

    public static String prefet(String departement) {
        return DevKeys.current().mint("prefet-" + departement, List.of("prefet"), Map.of("departement", departement),
                LIFETIME);
    }

    public static String conseiller(String subject) {
        return DevKeys.current().mint(subject, List.of("conseiller"), Map.of(), LIFETIME);
    }

    public static String forRole(String role) {
        for (DevIdentities identity : DevIdentities.values()) {
            if (identity.role().equals(role)) {
                return of(identity);
            }
        }
        throw new IllegalArgumentException("Unknown role " + role);
    }
}
