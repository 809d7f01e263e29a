package fr.cnfs.plumbing.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import javax.transaction.xa.XAException;

import jakarta.transaction.RollbackException;

import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

/** A commit cut off by a database restart is "unavailable, retry", not an internal error. */
class DatabaseDownTest {

    private final ProblemMappers mappers = new ProblemMappers();

    @Test
    void aCommitRefusedBecauseTheServerShutsDownAnswers503() {
        // As Narayana reports it: the JDBC error is suppressed by the RollbackException, not its cause.
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction");
        xa.initCause(new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
        rollback.addSuppressed(xa);

        RestResponse<Problem> response = mappers.unexpected(new RuntimeException("Error invoking subclass method",
                rollback), null);

        assertEquals(503, response.getStatus());
        assertEquals("5", response.getHeaderString("Retry-After"));
    }

    @Test
    void aRollbackForAnyOtherReasonStaysAnInternalError() {
        RollbackException rollback = new RollbackException("ARJUNA016053: Could not commit transaction.");
        rollback.addSuppressed(new IllegalStateException("a synchronization failed"));

        assertEquals(500, mappers.unexpected(rollback, null).getStatus());
    }

    @Test
    void aCycleOfCausesEnds() {
        IllegalStateException first = new IllegalStateException("first");
        IllegalStateException second = new IllegalStateException("second", first);
        first.addSuppressed(second);

        assertEquals(2, ProblemMappers.causesOf(first).size());
    }
}
