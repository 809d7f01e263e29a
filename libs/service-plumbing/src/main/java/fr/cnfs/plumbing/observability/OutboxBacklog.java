package fr.cnfs.plumbing.observability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

/**
 * Outbox lag on /q/metrics: events waiting for the broker and the age of the oldest one. Read every few seconds
 * rather than at each scrape, so a scrape never waits on the database.
 */
@Startup
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);
    private static final String QUERY = """
            SELECT count(*), coalesce(extract(epoch FROM now() - min(occurred_at)), 0)
            FROM outbox_event WHERE published_at IS NULL""";

    private final AgroalDataSource dataSource;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();

    OutboxBacklog(AgroalDataSource dataSource, MeterRegistry registry) {
        this.dataSource = dataSource;
        Gauge.builder("cnfs.outbox.pending", pending, AtomicLong::get)
                .description("Events written to the outbox and not yet acknowledged by the broker").register(registry);
        Gauge.builder("cnfs.outbox.oldest.pending.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest unpublished outbox event").register(registry);
    }

    @Scheduled(every = "${cnfs.metrics.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refresh() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(QUERY)) {
            row.next();
            pending.set(row.getLong(1));
            oldestAgeSeconds.set(row.getLong(2));
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not refreshed: %s", e.getMessage());
        }
    }

    public long pending() {
        return pending.get();
    }
}
