package fr.cnfs.plumbing.outbox;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.plumbing.observability.EventMetrics;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;

/**
 * Publishes outbox rows to Kafka, at least once and in order per aggregate.
 * <p>
 * It runs on one thread per service instance. A commit that wrote rows wakes it at once, which keeps the latency low;
 * it also polls, so that rows left by a broker outage, a crash or a rolled-back publication go out later. Rows are
 * claimed with {@code FOR UPDATE SKIP LOCKED}, so several instances can run their relays side by side.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    private static final String CLAIM = """
            SELECT seq, topic, aggregate_id, payload, headers, event_type FROM outbox_event
            WHERE published_at IS NULL ORDER BY seq LIMIT ? FOR UPDATE SKIP LOCKED""";

    /** Earliest pending row, per aggregate of the batch, that another relay holds: ours behind it must wait. */
    private static final String HELD_ELSEWHERE = """
            SELECT aggregate_id, min(seq) FROM outbox_event
            WHERE published_at IS NULL AND aggregate_id = ANY(?) AND seq < ? AND NOT (seq = ANY(?))
            GROUP BY aggregate_id""";

    /**
     * One row per execution, the rows of a batch sent together. Not {@code seq = ANY(?)}: a prepared statement gets
     * one generic plan after a few executions, and for a set of keys, made while the outbox is small (a new service,
     * a new table), that plan is a sequential scan. It stays until the table is analyzed again, which without
     * autovacuum is never: in one benchmark run funding-service's relay read the whole outbox 15,675 times, 405
     * million rows (bench/results/2026-11-28-0931.md). The plan of one key is an index scan at any size.
     */
    private static final String MARK_PUBLISHED = "UPDATE outbox_event SET published_at = now() WHERE seq = ?";

    private static final String MARK_FAILED = """
            UPDATE outbox_event SET attempts = attempts + 1, last_error = left(?, 2000) WHERE seq = ?""";

    private static final String PURGE = "DELETE FROM outbox_event WHERE published_at < ?";

    private final AgroalDataSource dataSource;
    private final ObjectMapper objectMapper;
    private final OutboxConfig.Relay config;
    private final Map<String, Object> kafkaDefaults;
    private final EventMetrics metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    private final AtomicLong publishedCount = new AtomicLong();
    private volatile boolean running;
    private volatile Producer<String, String> producer;
    private Thread worker;
    private Instant nextPurge = Instant.EPOCH;

    @Inject
    OutboxRelay(AgroalDataSource dataSource, ObjectMapper objectMapper, OutboxConfig config,
            @Identifier("default-kafka-broker") Map<String, Object> kafkaDefaults, EventMetrics metrics) {
        this.dataSource = dataSource;
        this.objectMapper = objectMapper;
        this.config = config.relay();
        this.kafkaDefaults = kafkaDefaults;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.warn("Outbox relay disabled (cnfs.outbox.relay.enabled=false): events stay in the outbox");
            return;
        }
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent shutdown) throws InterruptedException {
        running = false;
        if (worker != null) {
            wakeUps.release();
            worker.join(config.sendTimeout().toMillis());
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** After each commit that wrote outbox rows: publish now rather than at the next poll. */
    void onRowWritten(@Observes(during = TransactionPhase.AFTER_SUCCESS) OutboxRowWritten written) {
        if (wakeUps.availablePermits() == 0) {
            wakeUps.release();
        }
    }

    /** Events this instance has published since it started. */
    public long publishedCount() {
        return publishedCount.get();
    }

    private void run() {
        long backoffMillis = 0;
        while (running) {
            try {
                long waitMillis = backoffMillis > 0 ? backoffMillis : config.pollInterval().toMillis();
                if (wakeUps.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                    wakeUps.drainPermits();
                }
                if (!running) {
                    return;
                }
                drain();
                purgeOldRows();
                backoffMillis = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception e) {
                backoffMillis = Math.min(Math.max(backoffMillis * 2, 200), config.maxBackoff().toMillis());
                LOG.warnf("Outbox relay could not publish (%s); next attempt in %d ms", e.getMessage(), backoffMillis);
            }
        }
    }

    private void drain() {
        BatchOutcome outcome;
        do {
            outcome = QuarkusTransaction.requiringNew()
                    .timeout((int) config.sendTimeout().toSeconds() + 30)
                    .call(this::publishOneBatch);
            if (outcome.failure() != null) {
                throw new IllegalStateException(outcome.failure());
            }
        } while (running && outcome.claimed() == config.batchSize() && outcome.published() > 0);
    }

    private BatchOutcome publishOneBatch() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            List<PendingRow> claimed = claim(connection);
            if (claimed.isEmpty()) {
                return new BatchOutcome(0, 0, null);
            }
            List<PendingRow> publishable = withoutRowsBehindOtherRelays(connection, claimed);
            List<Long> published = new ArrayList<>();
            List<Long> failed = new ArrayList<>();
            String failure = send(publishable, published, failed);
            update(connection, MARK_PUBLISHED, published, null);
            if (!failed.isEmpty()) {
                update(connection, MARK_FAILED, failed, failure);
            }
            publishedCount.addAndGet(published.size());
            return new BatchOutcome(claimed.size(), published.size(), failure);
        }
    }

    private List<PendingRow> claim(Connection connection) throws SQLException {
        List<PendingRow> rows = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setInt(1, config.batchSize());
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    rows.add(new PendingRow(resultSet.getLong(1), resultSet.getString(2), resultSet.getString(3),
                            resultSet.getString(4), resultSet.getString(5), resultSet.getString(6)));
                }
            }
        }
        return rows;
    }

    /**
     * Per aggregate, an event must not overtake an earlier one that another relay instance has claimed: keep only
     * the rows that come before any such held row.
     */
    private List<PendingRow> withoutRowsBehindOtherRelays(Connection connection, List<PendingRow> claimed)
            throws SQLException {
        Map<String, Long> firstHeldElsewhere = new HashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(HELD_ELSEWHERE)) {
            statement.setArray(1, connection.createArrayOf("varchar",
                    claimed.stream().map(PendingRow::aggregateId).distinct().toArray()));
            statement.setLong(2, claimed.get(claimed.size() - 1).seq());
            statement.setArray(3, connection.createArrayOf("bigint", claimed.stream().map(PendingRow::seq).toArray()));
            try (ResultSet resultSet = statement.executeQuery()) {
                while (resultSet.next()) {
                    firstHeldElsewhere.put(resultSet.getString(1), resultSet.getLong(2));
                }
            }
        }
        if (firstHeldElsewhere.isEmpty()) {
            return claimed;
        }
        return claimed.stream()
                .filter(row -> row.seq() < firstHeldElsewhere.getOrDefault(row.aggregateId(), Long.MAX_VALUE))
                .toList();
    }

    /** Sends the rows and waits for the broker; returns the first failure message, or null. */
    private String send(List<PendingRow> rows, List<Long> published, List<Long> failed) {
        List<Future<RecordMetadata>> acknowledgements = new ArrayList<>(rows.size());
        String failure = null;
        for (PendingRow row : rows) {
            try {
                acknowledgements.add(producer().send(toRecord(row)));
            } catch (RuntimeException e) {
                acknowledgements.add(null);
                failure = failure == null ? describe(e) : failure;
            }
        }
        long deadline = System.nanoTime() + config.sendTimeout().toNanos();
        for (int i = 0; i < rows.size(); i++) {
            Future<RecordMetadata> acknowledgement = acknowledgements.get(i);
            Long seq = rows.get(i).seq();
            if (acknowledgement == null) {
                failed.add(seq);
                continue;
            }
            try {
                acknowledgement.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                published.add(seq);
                metrics.published(rows.get(i).topic(), rows.get(i).eventType());
            } catch (ExecutionException | TimeoutException e) {
                failed.add(seq);
                failure = failure == null ? describe(e) : failure;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed.add(seq);
                failure = "interrupted";
            }
        }
        return failure;
    }

    private ProducerRecord<String, String> toRecord(PendingRow row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.aggregateId(), row.payload());
        try {
            Map<String, String> headers = objectMapper.readValue(row.headers(), new TypeReference<>() {
            });
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable headers in outbox row " + row.seq(), e);
        }
        return record;
    }

    private void update(Connection connection, String sql, List<Long> seqs, String error) throws SQLException {
        if (seqs.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Long seq : seqs) {
                if (error == null) {
                    statement.setLong(1, seq);
                } else {
                    statement.setString(1, error);
                    statement.setLong(2, seq);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private void purgeOldRows() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(PURGE)) {
                statement.setObject(1, java.time.OffsetDateTime.now().minus(config.retention()));
                statement.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Producer<String, String> producer() {
        if (producer == null) {
            Map<String, Object> settings = new HashMap<>();
            kafkaDefaults.forEach((key, value) -> {
                if (!key.startsWith("health") && !key.startsWith("devservices") && !key.startsWith("snappy")) {
                    settings.put(key, value);
                }
            });
            settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay-" + ProcessHandle.current().pid());
            settings.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
            settings.put(ProducerConfig.ACKS_CONFIG, "all");
            settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            settings.put(ProducerConfig.LINGER_MS_CONFIG, 1);
            int timeoutMillis = (int) config.sendTimeout().toMillis();
            settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMillis, 5000));
            settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMillis, 5000));
            settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMillis);
            producer = new KafkaProducer<>(settings);
        }
        return producer;
    }

    private static String describe(Exception e) {
        Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private record PendingRow(long seq, String topic, String aggregateId, String payload, String headers,
            String eventType) {
    }

    private record BatchOutcome(int claimed, int published, String failure) {
    }
}
