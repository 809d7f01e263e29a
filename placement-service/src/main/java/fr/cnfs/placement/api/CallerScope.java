package fr.cnfs.placement.api;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.RequestScoped;

import fr.cnfs.placement.domain.Conseiller;
import fr.cnfs.placement.domain.ConseillerService;
import fr.cnfs.placement.domain.MatchDetails;
import fr.cnfs.placement.domain.Post;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

/**
 * The object-level rules of placement, on top of the roles: a structure sees its own posts and matches, an adviser
 * its own profile and the matches that concern it; anything else answers 404, as if it did not exist.
 */
@RequestScoped
public class CallerScope {

    private final Caller caller;
    private final ConseillerService conseillers;
    private Optional<Conseiller> ownProfile;

    CallerScope(Caller caller, ConseillerService conseillers) {
        this.caller = caller;
        this.conseillers = conseillers;
    }

    boolean isAdmin() {
        return caller.hasRole(Roles.ADMIN);
    }

    /** The SIRET a structure is held to; null for roles that see every structure. */
    String siretScope() {
        if (caller.hasRole(Roles.STRUCTURE) && !isAdmin()) {
            // A structure token without a siret claim sees nothing rather than everything.
            return caller.siret().orElse("-");
        }
        return null;
    }

    /** True when the caller is an adviser held to its own profile. */
    boolean isAdviser() {
        return caller.hasRole(Roles.CONSEILLER) && !isAdmin();
    }

    String subject() {
        return caller.subject();
    }

    /** Who did it, for histories: role and token subject. */
    String actor() {
        return caller.mainRole() + ":" + caller.subject();
    }

    Optional<Conseiller> ownProfile() {
        if (ownProfile == null) {
            ownProfile = conseillers.findByAccount(caller.subject());
        }
        return ownProfile;
    }

    void requireVisible(Post post) {
        caller.requireOwnSiretIfStructure(post.siret, "Post", post.id);
    }

    void requireVisible(Conseiller conseiller) {
        if (isAdviser() && !ownProfile().map(own -> own.id.equals(conseiller.id)).orElse(false)) {
            throw new ResourceNotFoundException("Conseiller", conseiller.id);
        }
    }

    void requireVisible(MatchDetails details) {
        caller.requireOwnSiretIfStructure(details.match().siret, "Match", details.match().id);
        if (isAdviser() && !ownProfile().map(own -> own.id.equals(details.match().conseillerId)).orElse(false)) {
            throw new ResourceNotFoundException("Match", details.match().id);
        }
    }

    /** For list filters: the adviser's own profile id, or an id that matches nothing when it has no profile yet. */
    UUID ownConseillerIdOrNone() {
        return ownProfile().map(own -> own.id).orElse(new UUID(0, 0));
    }
}
