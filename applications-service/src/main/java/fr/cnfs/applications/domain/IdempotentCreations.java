package fr.cnfs.applications.domain;

import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import fr.cnfs.plumbing.problem.BusinessRuleException;

/**
 * Makes a creation safe to retry with an {@code Idempotency-Key} (DESIGN §6): the key, per caller, is claimed in
 * the transaction of the creation, so a retry gets the resource the first call created instead of a second one. Two
 * calls racing with one key are serialized by the key's primary key: the second waits and then replays.
 */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class IdempotentCreations {

    private static final String CLAIM = """
            INSERT INTO idempotency_key (caller_subject, idempotency_key, operation, request_fingerprint, created_at)
            VALUES (?1, ?2, ?3, ?4, now()) ON CONFLICT DO NOTHING""";
    private static final String EARLIER = """
            SELECT operation, request_fingerprint, resource_id FROM idempotency_key
            WHERE caller_subject = ?1 AND idempotency_key = ?2""";
    private static final String RECORD = """
            UPDATE idempotency_key SET resource_id = ?3 WHERE caller_subject = ?1 AND idempotency_key = ?2""";

    /** The created (or earlier created) resource's id, and whether this call was a replay. */
    public record Outcome(UUID resourceId, boolean replayed) {
    }

    private final EntityManager entityManager;

    IdempotentCreations(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Runs {@code creation} unless this caller already used {@code key}: then returns what that first call created.
     * The same key with another operation or another request body is refused (422).
     */
    public Outcome create(String callerSubject, String key, String operation, String requestFingerprint,
            Supplier<UUID> creation) {
        if (key == null) {
            return new Outcome(creation.get(), false);
        }
        int claimed = entityManager.createNativeQuery(CLAIM).setParameter(1, callerSubject).setParameter(2, key)
                .setParameter(3, operation).setParameter(4, requestFingerprint).executeUpdate();
        if (claimed == 0) {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery(EARLIER).setParameter(1, callerSubject)
                    .setParameter(2, key).getResultList();
            Object[] earlier = rows.get(0);
            if (!operation.equals(earlier[0]) || !requestFingerprint.equals(earlier[1])) {
                throw new BusinessRuleException("idempotency-key-reused", "Idempotency-Key " + key
                        + " was already used for another request; use a new key for a new request");
            }
            return new Outcome((UUID) earlier[2], true);
        }
        UUID id = creation.get();
        entityManager.createNativeQuery(RECORD).setParameter(1, callerSubject).setParameter(2, key).setParameter(3, id)
                .executeUpdate();
        return new Outcome(id, false);
    }
}
