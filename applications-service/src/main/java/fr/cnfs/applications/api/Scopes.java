package fr.cnfs.applications.api;

import fr.cnfs.applications.domain.AccessScope;
import fr.cnfs.applications.domain.Actor;
import fr.cnfs.plumbing.security.Caller;
import fr.cnfs.plumbing.security.Roles;

/** What the verified token lets its bearer see, and how the history names it. */
final class Scopes {

    private Scopes() {
    }

    /** Reviewers and admins see everything; a prefect its département; a structure its SIRET; anyone else nothing. */
    static AccessScope of(Caller caller) {
        if (caller.hasRole(Roles.ADMIN) || caller.hasRole(Roles.INSTRUCTEUR)) {
            return AccessScope.everything();
        }
        if (caller.hasRole(Roles.PREFET)) {
            return AccessScope.ofDepartement(caller.departement().orElse(null));
        }
        return AccessScope.ofStructure(caller.siret().orElse(null));
    }

    static Actor actor(Caller caller) {
        return new Actor(caller.subject(), caller.mainRole());
    }
}
