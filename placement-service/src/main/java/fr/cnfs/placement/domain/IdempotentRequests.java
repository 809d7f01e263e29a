package fr.cnfs.placement.domain;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/**
 * Idempotency-Key support for creation endpoints: the first request with a key claims it for the resource it creates,
 * in the same transaction; a retry with the same key finds that resource instead of creating another. A retry that
 * arrives while the first request is still running waits for it on the key's row.
 */
@ApplicationScoped
public class IdempotentRequests {

    private static final String CLAIM = """
            INSERT INTO idempotent_request (caller, operation, idempotency_key, resource_id, created_at)
            VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING""";

    private static final String EARLIER = """
            SELECT resource_id FROM idempotent_request WHERE caller = ?1 AND operation = ?2 AND idempotency_key = ?3""";

    private final EntityManager entityManager;
    private final Clock clock;

    IdempotentRequests(EntityManager entityManager, Clock clock) {
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** Empty when the key is new (now claimed for {@code newResourceId}); else the id the first request created. */
    @Transactional(TxType.MANDATORY)
    public Optional<UUID> claim(String caller, String operation, String key, UUID newResourceId) {
        int claimed = entityManager.createNativeQuery(CLAIM)
                .setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, key)
                .setParameter(4, newResourceId)
                .setParameter(5, clock.instant().truncatedTo(ChronoUnit.MICROS))
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        return Optional.of((UUID) entityManager.createNativeQuery(EARLIER, UUID.class)
                .setParameter(1, caller)
                .setParameter(2, operation)
                .setParameter(3, key)
                .getSingleResult());
    }
}
