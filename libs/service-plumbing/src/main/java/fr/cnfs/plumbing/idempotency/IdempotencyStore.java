package fr.cnfs.plumbing.idempotency;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * The idempotency records, each in its own short transaction, independent of the request's business transaction:
 * a key is claimed before the operation runs and completed with its response after.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** What a key already holds when a request claims it. */
    public record Existing(String requestHash, Integer status, String body, String headers) {

        boolean isCompleted() {
            return status != null;
        }
    }

    private static final String CLAIM = """
            INSERT INTO idempotency_record (caller, idempotency_key, request_hash, created_at)
            VALUES (?, ?, ?, now())
            ON CONFLICT (caller, idempotency_key) DO UPDATE
                SET request_hash = EXCLUDED.request_hash, created_at = now(), status = NULL,
                    response_body = NULL, response_headers = NULL, completed_at = NULL
                WHERE idempotency_record.created_at < ?
                   OR (idempotency_record.completed_at IS NULL AND idempotency_record.created_at < ?)""";

    private static final String FIND = """
            SELECT request_hash, status, response_body, response_headers FROM idempotency_record
            WHERE caller = ? AND idempotency_key = ?""";

    private static final String COMPLETE = """
            UPDATE idempotency_record SET status = ?, response_body = ?, response_headers = ?, completed_at = now()
            WHERE caller = ? AND idempotency_key = ?""";

    private static final String RELEASE = "DELETE FROM idempotency_record WHERE caller = ? AND idempotency_key = ? AND completed_at IS NULL";

    private static final String PURGE = "DELETE FROM idempotency_record WHERE created_at < ?";

    private final AgroalDataSource dataSource;
    private final IdempotencyConfig config;

    IdempotencyStore(AgroalDataSource dataSource, IdempotencyConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Claims the key for this request; if another request holds it, returns what it holds. */
    public Optional<Existing> claim(String caller, String key, String requestHash) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                    claim.setString(1, caller);
                    claim.setString(2, key);
                    claim.setString(3, requestHash);
                    claim.setObject(4, ago(config.retention()));
                    claim.setObject(5, ago(config.abandonedAfter()));
                    if (claim.executeUpdate() == 1) {
                        return Optional.<Existing>empty();
                    }
                }
                try (PreparedStatement find = connection.prepareStatement(FIND)) {
                    find.setString(1, caller);
                    find.setString(2, key);
                    try (ResultSet row = find.executeQuery()) {
                        row.next();
                        int status = row.getInt(2);
                        return Optional.of(new Existing(row.getString(1), row.wasNull() ? null : status,
                                row.getString(3), row.getString(4)));
                    }
                }
            }
        });
    }

    public void complete(String caller, String key, int status, String body, String headers) {
        execute(COMPLETE, statement -> {
            statement.setInt(1, status);
            statement.setString(2, body);
            statement.setString(3, headers);
            statement.setString(4, caller);
            statement.setString(5, key);
        });
    }

    /** The operation failed on the server side: free the key so that the client's retry runs it again. */
    public void release(String caller, String key) {
        execute(RELEASE, statement -> {
            statement.setString(1, caller);
            statement.setString(2, key);
        });
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void purgeExpired() {
        execute(PURGE, statement -> statement.setObject(1, ago(config.retention())));
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(sql)) {
                binder.bind(statement);
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("Idempotency store unavailable", e);
            }
        });
    }

    private static OffsetDateTime ago(Duration duration) {
        return OffsetDateTime.now().minus(duration);
    }
}
