package fr.cnfs.testkit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

import javax.sql.DataSource;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/** The row count of every table of the service's schema (business tables, outbox, inbox, idempotency, history). */
public final class TableCounts {

    /**
     * Written by background work on its own schedule, never by a request: the webhook dispatcher's log of delivery
     * attempts (retries of subscriptions made by earlier tests).
     */
    private static final Set<String> BACKGROUND_TABLES = Set.of("webhook_delivery_attempt");

    private TableCounts() {
    }

    public static Map<String, Long> of(DataSource dataSource) {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("SELECT table_name FROM information_schema.tables "
                    + "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'")) {
                while (result.next()) {
                    if (!BACKGROUND_TABLES.contains(result.getString(1))) {
                        tables.add(result.getString(1));
                    }
                }
            }
            for (String table : tables) {
                try (ResultSet result = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    result.next();
                    counts.put(table, result.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if (counts.isEmpty()) {
            throw new IllegalStateException("no table found in the service's schema");
        }
        return counts;
    }

    /** Waits until events still in flight from earlier tests are applied: two equal snapshots a second apart. */
    public static Map<String, Long> settled(DataSource dataSource, Duration patience) {
        AtomicReference<Map<String, Long>> previous = new AtomicReference<>(of(dataSource));
        try {
            Awaitility.await().atMost(patience).pollDelay(Duration.ofSeconds(1)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> previous.getAndSet(of(dataSource)).equals(previous.get()));
        } catch (ConditionTimeoutException e) {
            // Still moving after the patience: the caller compares with the last snapshot and reports the difference.
        }
        return previous.get();
    }
}
