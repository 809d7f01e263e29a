package fr.cnfs.applications.domain;

import org.hibernate.exception.ConstraintViolationException;

/** Tells a race lost on a unique constraint from any other failure. */
final class UniqueConstraints {

    private UniqueConstraints() {
    }

    static boolean violated(Throwable failure, String constraintName) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConstraintViolationException violation
                    && constraintName.equalsIgnoreCase(violation.getConstraintName())) {
                return true;
            }
        }
        return false;
    }
}
