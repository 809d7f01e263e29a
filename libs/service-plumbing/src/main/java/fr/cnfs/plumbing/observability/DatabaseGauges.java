package fr.cnfs.plumbing.observability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import org.jboss.logging.Logger;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * Keeps the {@link DatabaseGauge}s of this service, and the dead-letter count every service has, on /q/metrics.
 * The queries run on a schedule rather than at each scrape: a scrape never waits on the database, and the figures
 * are at most that old. Since they come from the database, every replica reports the same value: alert on
 * {@code max}, not {@code sum}, across instances.
 *
 * <p>The dead letters are counted from an index, every few seconds, as an alert reads them. The business gauges
 * aggregate whole tables, so they have their own, longer period: read every 5 s, the gauges of the three services
 * took an eighth of PostgreSQL's statement time in a 4,000-post benchmark run over 100,000 applications, and a fifth
 * in the ten-times run (pg_stat_statements, bench/results/2026-12-07-1642.md), for dashboards.
 */
@Startup
@ApplicationScoped
public class DatabaseGauges {

    private static final Logger LOG = Logger.getLogger(DatabaseGauges.class);
    private static final String DEAD_LETTERS = "SELECT count(*) FROM inbox_entry WHERE outcome = 'DEAD_LETTERED'";

    private final AgroalDataSource dataSource;
    private final Map<DatabaseGauge, MultiGauge> gauges = new LinkedHashMap<>();
    private final AtomicLong deadLetters = new AtomicLong();

    DatabaseGauges(AgroalDataSource dataSource, MeterRegistry registry, Instance<DatabaseGauge> declared) {
        this.dataSource = dataSource;
        for (DatabaseGauge gauge : declared) {
            gauges.put(gauge, MultiGauge.builder(gauge.name()).description(gauge.description())
                    .baseUnit(gauge.baseUnit()).register(registry));
        }
        Gauge.builder("cnfs.dead.letters", deadLetters, AtomicLong::get)
                .description("Consumed events this service dead-lettered and nobody has replayed yet")
                .register(registry);
    }

    @Scheduled(every = "${cnfs.metrics.refresh:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void refreshDeadLetters() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery(DEAD_LETTERS)) {
            row.next();
            deadLetters.set(row.getLong(1));
        } catch (SQLException e) {
            // The previous value stays; readiness reports the database, not the metrics.
            LOG.debugf("Dead-letter gauge not refreshed: %s", e.getMessage());
        }
    }

    /**
     * The first reading, off the start's thread. The schedule's own first run can come before the application counts
     * as running, and is then skipped: with a period of a minute, the gauges would be missing for that long.
     */
    void readBusinessGaugesAtStart(@Observes StartupEvent started) {
        Infrastructure.getDefaultWorkerPool().execute(this::refreshBusinessGauges);
    }

    @Scheduled(every = "${cnfs.metrics.business-refresh:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    synchronized void refreshBusinessGauges() {
        if (gauges.isEmpty()) {
            return;
        }
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (Map.Entry<DatabaseGauge, MultiGauge> gauge : gauges.entrySet()) {
                List<MultiGauge.Row<?>> rows = new ArrayList<>();
                try (ResultSet row = statement.executeQuery(gauge.getKey().sql())) {
                    while (row.next()) {
                        rows.add(MultiGauge.Row.of(Tags.of(gauge.getKey().tagKey(), row.getString(1)),
                                row.getBigDecimal(2)));
                    }
                }
                gauge.getValue().register(rows, true);
            }
        } catch (SQLException e) {
            // The previous values stay; readiness reports the database, not the metrics.
            LOG.debugf("Business gauges not refreshed: %s", e.getMessage());
        }
    }
}
