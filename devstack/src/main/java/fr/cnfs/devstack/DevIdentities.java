package fr.cnfs.devstack;

import java.util.List;
import java.util.Map;

/** One example caller per role of DESIGN §7, with the claims that drive object-level checks. */
public enum DevIdentities {

    ADMIN("admin", "admin-dev", Map.of()),
    INSTRUCTEUR("instructeur", "instructeur-dev", Map.of()),
    FINANCE("finance", "finance-dev", Map.of()),
    PREFET("prefet", "prefet-69", Map.of("departement", "69")),
    /** The town hall of Lyon: SIREN 216901231 is Lyon's. */
    STRUCTURE("structure", "structure-lyon", Map.of("siret", "21690123100011")),
    CONSEILLER("conseiller", "conseiller-dev", Map.of());

    private final String role;
    private final String subject;
    private final Map<String, String> claims;

    DevIdentities(String role, String subject, Map<String, String> claims) {
        this.role = role;
        this.subject = subject;
        this.claims = claims;
    }

    public String role() {
        return role;
    }

    public String token(DevKeys keys, java.time.Duration lifetime) {
        return keys.mint(subject, List.of(role), claims, lifetime);
    }

    public String describe() {
        return claims.isEmpty() ? "sub=" + subject : "sub=" + subject + ", " + claims.entrySet().iterator().next();
    }
}
