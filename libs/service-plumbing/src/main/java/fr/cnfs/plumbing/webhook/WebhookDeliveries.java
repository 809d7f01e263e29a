package fr.cnfs.plumbing.webhook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The delivery queue, in SQL: rows are added with the event's own transaction and worked off by the dispatcher. */
@ApplicationScoped
public class WebhookDeliveries {

    private static final String ENQUEUE = """
            INSERT INTO webhook_delivery (id, subscription_id, event_id, event_type, aggregate_id, body, status,
                                          next_attempt_at, created_at)
            SELECT gen_random_uuid(), s.id, ?1, ?2, ?3, ?4, 'PENDING', ?5, ?5
            FROM webhook_subscription s WHERE s.active AND ?2 = ANY (s.event_types)""";

    private static final String CANCEL = """
            UPDATE webhook_delivery SET status = 'CANCELLED' WHERE subscription_id = ?1 AND status = 'PENDING'""";

    private final EntityManager entityManager;
    private final Event<WebhookDeliveryQueued> queued;

    WebhookDeliveries(EntityManager entityManager, Event<WebhookDeliveryQueued> queued) {
        this.entityManager = entityManager;
        this.queued = queued;
    }

    /** One pending delivery per active subscription to this event type. */
    @Transactional(TxType.MANDATORY)
    public void enqueue(UUID eventId, String eventType, String aggregateId, String cloudEventJson) {
        int deliveries = entityManager.createNativeQuery(ENQUEUE)
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .setParameter(3, aggregateId)
                .setParameter(4, cloudEventJson)
                .setParameter(5, Instant.now().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        if (deliveries > 0) {
            queued.fire(new WebhookDeliveryQueued(deliveries));
        }
    }

    @Transactional(TxType.MANDATORY)
    public void cancelPending(UUID subscriptionId) {
        entityManager.createNativeQuery(CANCEL).setParameter(1, subscriptionId).executeUpdate();
    }
}
