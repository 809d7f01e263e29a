package fr.cnfs.plumbing.security;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import fr.cnfs.plumbing.problem.ResourceNotFoundException;

/**
 * Who is calling, from the verified token: subject, roles and the claims that drive object-level checks
 * ({@code siret} for a structure, {@code departement} for a prefect).
 */
@RequestScoped
public class Caller {

    public static final String SIRET_CLAIM = "siret";
    public static final String DEPARTEMENT_CLAIM = "departement";

    @Inject
    JsonWebToken token;

    public String subject() {
        return token.getSubject();
    }

    public boolean hasRole(String role) {
        return token.getGroups() != null && token.getGroups().contains(role);
    }

    /** The role that best describes the caller, for audit trails: admin first, structure last. */
    public String mainRole() {
        for (String role : new String[] { Roles.ADMIN, Roles.INSTRUCTEUR, Roles.FINANCE, Roles.PREFET,
                Roles.CONSEILLER, Roles.STRUCTURE }) {
            if (hasRole(role)) {
                return role;
            }
        }
        return "anonymous";
    }

    public Optional<String> siret() {
        return claim(SIRET_CLAIM);
    }

    public Optional<String> departement() {
        return claim(DEPARTEMENT_CLAIM);
    }

    /**
     * Object-level check for structure callers: another structure's object answers 404, so its existence is not
     * disclosed. Other roles are checked by role alone.
     */
    public void requireOwnSiretIfStructure(String ownerSiret, String resource, Object id) {
        if (hasRole(Roles.STRUCTURE) && !hasRole(Roles.ADMIN) && !siret().map(ownerSiret::equals).orElse(false)) {
            throw new ResourceNotFoundException(resource, id);
        }
    }

    private Optional<String> claim(String name) {
        Object value = token.getClaim(name);
        if (value == null) {
            return Optional.empty();
        }
        String text = value instanceof jakarta.json.JsonString json ? json.getString() : value.toString();
        return text.isBlank() ? Optional.empty() : Optional.of(text);
    }
}
