package fr.cnfs.placement.domain;

import java.util.Map;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import org.hibernate.exception.ConstraintViolationException;

import fr.cnfs.plumbing.problem.StateConflictException;

/**
 * The database's unique indexes are the last guard of the invariants. Flushing inside the service turns a violation
 * (two requests racing past the checks) into a 409 that names the rule, instead of an error at commit.
 */
final class Conflicts {

    private Conflicts() {
    }

    /** Flushes; a violation of one of the named unique indexes becomes a 409 with its message. */
    static void flush(EntityManager entityManager, Map<String, String> messagesByIndex) {
        try {
            entityManager.flush();
        } catch (PersistenceException e) {
            String index = violatedConstraint(e);
            if (index != null && messagesByIndex.containsKey(index)) {
                throw new StateConflictException(index.replace('_', '-'), messagesByIndex.get(index));
            }
            throw e;
        }
    }

    private static String violatedConstraint(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation && violation.getConstraintName() != null) {
                return violation.getConstraintName();
            }
        }
        return null;
    }
}
