package fr.cnfs.bench;

import java.time.Duration;

import fr.cnfs.devstack.DevIdentities;
import fr.cnfs.devstack.DevKeys;

/** Where the three services answer, and a bearer token per role, valid for the whole run. */
record Endpoints(String applications, String funding, String placement, String admin, String instructeur,
        String finance) {

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    static Endpoints of(String applications, String funding, String placement, DevKeys keys) {
        return new Endpoints(applications, funding, placement, DevIdentities.ADMIN.token(keys, TOKEN_LIFETIME),
                DevIdentities.INSTRUCTEUR.token(keys, TOKEN_LIFETIME), DevIdentities.FINANCE.token(keys, TOKEN_LIFETIME));
    }
}
