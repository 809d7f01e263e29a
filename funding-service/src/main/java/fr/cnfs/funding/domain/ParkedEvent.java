package fr.cnfs.funding.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/**
 * A placement event that arrived before what it needs (the grant of its post, the start of its contract, the end of
 * the running contract). It waits here, in arrival order, and is applied in the transaction of the event it waited
 * for; its status says it was, so it is never applied twice.
 */
@Entity
public class ParkedEvent extends PanacheEntityBase {

    public enum Status {
        PARKED,
        APPLIED,
        REJECTED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long seq;
    public String eventId;
    public String eventType;
    public UUID postId;
    public UUID contractId;
    public String payload;
    /** The CloudEvents headers it came with, as JSON, for the dead-letter topic should it be rejected later. */
    public String headers;
    public String waitingFor;

    @Enumerated(EnumType.STRING)
    public Status status;

    public Instant parkedAt;
    public Instant resolvedAt;
    public String outcome;

    /** Locked, so that the parking sweep and the consumer never resolve the same event twice. */
    static List<ParkedEvent> waitingOnPost(UUID postId) {
        return find("postId = ?1 and status = ?2 order by seq", postId, Status.PARKED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
    }

    /** The posts that parked events wait on, at most {@code limit} of them. */
    static List<UUID> postsWaitedOn(int limit) {
        return getEntityManager().createQuery("select distinct p.postId from ParkedEvent p where p.status = ?1"
                + " and p.postId is not null", UUID.class)
                .setParameter(1, Status.PARKED).setMaxResults(limit).getResultList();
    }

    static List<ParkedEvent> parkedBefore(Instant cutoff, int limit) {
        return find("status = ?1 and parkedAt < ?2 order by seq", Status.PARKED, cutoff).page(0, limit).list();
    }
}
