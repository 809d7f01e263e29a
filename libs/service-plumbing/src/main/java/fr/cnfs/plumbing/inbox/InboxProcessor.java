package fr.cnfs.plumbing.inbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.Topics;
import fr.cnfs.plumbing.observability.CorrelationId;
import fr.cnfs.plumbing.observability.EventMetrics;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import fr.cnfs.plumbing.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;

/**
 * Applies consumed events exactly once. The {@code ce_id} is recorded in the inbox in the same transaction as the
 * effect, so a redelivered event is recognized and skipped. An event that can never be applied is written, with its
 * reason, to this service's dead-letter topic (through the outbox) and the partition moves on. A passing fault, such
 * as the database being down, is retried in place: the offset is not committed until the event is applied.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    static final String APPLIED = "APPLIED";
    static final String DEAD_LETTERED = "DEAD_LETTERED";

    private static final String CLAIM = """
            INSERT INTO inbox_entry (consumer, event_key, event_type, outcome, reason, source_topic, source_partition,
                                     source_offset, processed_at, record_key, payload, headers)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
            ON CONFLICT (consumer, event_key) DO NOTHING""";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final Outbox outbox;
    private final InboxConfig config;
    private final EventMetrics metrics;
    private final AtomicLong applied = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private volatile boolean stopping;

    InboxProcessor(EntityManager entityManager, ObjectMapper objectMapper, Outbox outbox, InboxConfig config,
            EventMetrics metrics) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.outbox = outbox;
        this.config = config;
        this.metrics = metrics;
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stopping = true;
    }

    public void process(ConsumerRecord<String, String> record, EventRoutes routes) {
        String correlationId = EventEnvelope.header(record, CorrelationId.EVENT_HEADER);
        CorrelationId.set(CorrelationId.acceptOrCreate(correlationId != null ? correlationId
                : EventEnvelope.header(record, CloudEventHeaders.ID)));
        try {
            processWithinCorrelation(record, routes);
        } finally {
            CorrelationId.clear();
        }
    }

    private void processWithinCorrelation(ConsumerRecord<String, String> record, EventRoutes routes) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.of(record);
        } catch (RejectedEventException e) {
            deadLetter(record, null, e.getMessage());
            return;
        }
        var route = routes.routeFor(envelope.type());
        if (route.isEmpty()) {
            return;
        }
        Object payload;
        try {
            if (record.value() == null) {
                throw new RejectedEventException("empty payload");
            }
            payload = objectMapper.readValue(record.value(), route.get().payloadClass());
        } catch (JsonProcessingException e) {
            // Jackson names the Java types it could not build; the reason leaves the service, the types stay in.
            String detail = String.valueOf(e.getOriginalMessage())
                    .replaceAll("`?\\b(?:java|javax|jakarta|com|org|fr|io)\\.[\\w.$]+`?", "(type)");
            deadLetter(record, envelope, "payload is not a valid " + envelope.type() + ": " + detail);
            return;
        } catch (RejectedEventException e) {
            deadLetter(record, envelope, e.getMessage());
            return;
        }

        int attempts = 0;
        long backoffMillis = config.initialBackoff().toMillis();
        while (true) {
            try {
                boolean firstTime = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(envelope.id(), envelope, APPLIED, null)) {
                        return false;
                    }
                    route.get().apply(payload, envelope);
                    return true;
                });
                (firstTime ? applied : duplicates).incrementAndGet();
                metrics.consumed(envelope.type(), firstTime ? "applied" : "duplicate");
                if (!firstTime) {
                    LOG.debugf("Event %s (%s) already applied: skipped", envelope.id(), envelope.type());
                }
                return;
            } catch (RejectedEventException e) {
                deadLetter(record, envelope, e.getMessage());
                return;
            } catch (RuntimeException e) {
                attempts++;
                boolean passing = isPassingFault(e);
                if (!passing && attempts >= config.maxAttempts()) {
                    // The reason travels to the dead-letter topic and the operator API: the cause's class and
                    // message (SQL, values) stay in the log, under an id the reason quotes.
                    String errorId = java.util.UUID.randomUUID().toString();
                    LOG.errorf(e, "Event %s (%s) failed %d times, error id %s", envelope.id(), envelope.type(), attempts,
                            errorId);
                    deadLetter(record, envelope, "failed " + attempts + " times: " + publicReason(e) + " (error id "
                            + errorId + " in the service log)");
                    return;
                }
                LOG.warnf("Event %s (%s) not applied, attempt %d: %s", envelope.id(), envelope.type(), attempts,
                        rootMessage(e));
                backoffMillis = pause(backoffMillis);
            }
        }
    }

    public long appliedCount() {
        return applied.get();
    }

    public long duplicateCount() {
        return duplicates.get();
    }

    public long deadLetteredCount() {
        return deadLettered.get();
    }

    private boolean claim(String eventKey, EventEnvelope envelope, String outcome, String reason) {
        return claim(eventKey, envelope, outcome, reason, null, null, null);
    }

    private boolean claim(String eventKey, EventEnvelope envelope, String outcome, String reason, String recordKey,
            String payload, String headers) {
        return entityManager.createNativeQuery(CLAIM)
                .setParameter(1, config.consumerName())
                .setParameter(2, eventKey)
                .setParameter(3, envelope == null ? null : envelope.type())
                .setParameter(4, outcome)
                .setParameter(5, reason)
                .setParameter(6, envelope == null ? null : envelope.topic())
                .setParameter(7, envelope == null ? null : envelope.partition())
                .setParameter(8, envelope == null ? null : envelope.offset())
                .setParameter(9, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .setParameter(10, recordKey)
                .setParameter(11, payload)
                .setParameter(12, headers)
                .executeUpdate() == 1;
    }

    private void deadLetter(ConsumerRecord<String, String> record, EventEnvelope envelope, String reason) {
        String eventKey = envelope != null ? envelope.id()
                : "kafka:" + record.topic() + "/" + record.partition() + "/" + record.offset();
        EventEnvelope source = envelope != null ? envelope
                : new EventEnvelope(null, null, null, null, null, record.topic(), record.partition(), record.offset());
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            if (header.value() != null) {
                headers.put(header.key(), new String(header.value(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        String originalHeaders = toJson(headers);
        headers.put(CloudEventHeaders.DEAD_LETTER_REASON, reason);
        headers.put(CloudEventHeaders.DEAD_LETTER_CONSUMER, config.consumerName());
        headers.put(CloudEventHeaders.DEAD_LETTER_TOPIC, record.topic());
        headers.put(CloudEventHeaders.DEAD_LETTER_PARTITION, String.valueOf(record.partition()));
        headers.put(CloudEventHeaders.DEAD_LETTER_OFFSET, String.valueOf(record.offset()));

        long backoffMillis = config.initialBackoff().toMillis();
        while (true) {
            try {
                boolean firstTime = QuarkusTransaction.requiringNew().call(() -> {
                    if (!claim(eventKey, source, DEAD_LETTERED, reason, record.key(), record.value(), originalHeaders)) {
                        return false;
                    }
                    outbox.deadLetter(Topics.deadLetterOf(config.consumerName()), record.key(), record.value(), headers);
                    return true;
                });
                if (firstTime) {
                    deadLettered.incrementAndGet();
                    metrics.consumed(source.type(), "dead_lettered");
                    LOG.warnf("Event %s from %s/%d@%d dead-lettered: %s", eventKey, record.topic(), record.partition(),
                            record.offset(), reason);
                }
                return;
            } catch (RuntimeException e) {
                LOG.warnf("Could not dead-letter event %s yet: %s", eventKey, rootMessage(e));
                backoffMillis = pause(backoffMillis);
            }
        }
    }

    private String toJson(Map<String, String> headers) {
        try {
            return objectMapper.writeValueAsString(headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits before the next attempt; when the service stops, leaves the event uncommitted for redelivery. */
    private long pause(long backoffMillis) {
        if (stopping) {
            throw new IllegalStateException("Service stopping: the event is left for redelivery");
        }
        try {
            TimeUnit.MILLISECONDS.sleep(backoffMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted: the event is left for redelivery", e);
        }
        return Math.min(backoffMillis * 2, config.maxBackoff().toMillis());
    }

    /** Faults that pass by themselves: retrying is right, however long it takes. */
    static boolean isPassingFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof JDBCConnectionException || cause instanceof OptimisticLockException
                    || cause instanceof StaleStateException || cause instanceof PessimisticLockException
                    || cause instanceof LockTimeoutException || cause instanceof QueryTimeoutException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("53")
                        || state.startsWith("57P")) {
                    return true;
                }
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /** What may be said outside the service about a failure: its kind, never a class name, SQL or a value. */
    private static String publicReason(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql) {
                return "database error (SQLState " + sql.getSQLState() + ")";
            }
        }
        return "unexpected error";
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
