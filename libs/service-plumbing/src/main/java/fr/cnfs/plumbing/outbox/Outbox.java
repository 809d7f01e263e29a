package fr.cnfs.plumbing.outbox;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.plumbing.observability.CorrelationId;
import fr.cnfs.plumbing.webhook.WebhookDeliveries;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;

/**
 * Writes events into the outbox table, inside the caller's transaction: the event exists if and only if
 * the state change it announces is committed. Nothing here talks to the broker; {@link OutboxRelay} does.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, headers, occurred_at)
            VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)""";

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final OutboxConfig config;
    private final Event<OutboxRowWritten> rowWritten;
    private final OpenTelemetry openTelemetry;
    private final WebhookDeliveries webhooks;

    Outbox(EntityManager entityManager, ObjectMapper objectMapper, OutboxConfig config, Event<OutboxRowWritten> rowWritten,
            OpenTelemetry openTelemetry, WebhookDeliveries webhooks) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.config = config;
        this.rowWritten = rowWritten;
        this.openTelemetry = openTelemetry;
        this.webhooks = webhooks;
    }

    /** Records the event for publication once the current transaction commits. Returns its {@code ce_id}. */
    @Transactional(TxType.MANDATORY)
    public UUID publish(CnfsEvent event) {
        UUID id = UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Map<String, String> headers = CloudEventHeaders.forEvent(id, event, config.source(), occurredAt);
        headers.put(CorrelationId.EVENT_HEADER, CorrelationId.current().orElse(id.toString()));
        // With tracing on, the consumer's span continues this one (W3C traceparent); with it off, nothing is added.
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), headers, Map::put);
        String payload = toJson(event);
        insert(id, event.topic(), event.aggregateType(), event.aggregateId(), event.eventType(), payload, headers,
                occurredAt);
        webhooks.enqueue(id, event.eventType(), event.aggregateId(), structuredCloudEvent(headers, payload));
        return id;
    }

    /**
     * Records a message this service could not process for its dead-letter topic, keeping the original payload and
     * headers and adding the reason. Going through the outbox makes the dead letter as durable as any event.
     */
    @Transactional(TxType.MANDATORY)
    public void deadLetter(String deadLetterTopic, String key, String payload, Map<String, String> headers) {
        UUID id = UUID.randomUUID();
        String eventType = headers.getOrDefault(CloudEventHeaders.TYPE, "unknown");
        insert(id, deadLetterTopic, "dead-letter", key == null ? "" : key, eventType, payload, headers,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    /**
     * Publishes a consumed record again, unchanged, to its original topic: an operator's replay of a dead letter.
     * Other consumers of that topic recognize its {@code ce_id} and ignore it.
     */
    @Transactional(TxType.MANDATORY)
    public void republish(String topic, String key, String payload, Map<String, String> headers) {
        insert(UUID.randomUUID(), topic, "replay", key == null ? "" : key,
                headers.getOrDefault(CloudEventHeaders.TYPE, "unknown"), payload, headers,
                Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private void insert(UUID id, String topic, String aggregateType, String aggregateId, String eventType,
            String payload, Map<String, String> headers, Instant occurredAt) {
        entityManager.createNativeQuery(INSERT)
                .setParameter(1, id)
                .setParameter(2, topic)
                .setParameter(3, aggregateType)
                .setParameter(4, aggregateId)
                .setParameter(5, eventType)
                .setParameter(6, payload)
                .setParameter(7, toJson(headers))
                .setParameter(8, occurredAt)
                .executeUpdate();
        rowWritten.fire(new OutboxRowWritten(topic));
    }

    /** The CloudEvent in JSON structured mode, as webhook receivers get it. */
    private String structuredCloudEvent(Map<String, String> headers, String payload) {
        ObjectNode cloudEvent = objectMapper.createObjectNode();
        headers.forEach((name, value) -> {
            if (name.startsWith("ce_")) {
                cloudEvent.put(name.substring(3), value);
            }
        });
        cloudEvent.put("datacontenttype", "application/json");
        try {
            cloudEvent.set("data", objectMapper.readTree(payload));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable event payload", e);
        }
        return cloudEvent.toString();
    }

    private String toJson(Object value) {
        try {
            return objectMapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }
}
