package fr.cnfs.funding.domain;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import fr.cnfs.funding.config.FundingConfig;
import fr.cnfs.plumbing.observability.EventMetrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends to the dead-letter topic the placement events that waited too long for their prerequisite: a contract on a
 * post that funding never heard of is poison, and must be seen by an operator rather than wait forever. Running on
 * several instances at once is harmless: each event is resolved by one conditional update.
 */
@ApplicationScoped
public class ParkingExpiry {

    private static final Logger LOG = Logger.getLogger(ParkingExpiry.class);
    private static final int BATCH = 200;

    private final ParkedEvents parking;
    private final PostOccupationService occupation;
    private final FundingConfig config;
    private final EventMetrics metrics;
    private final Clock clock;
    private final ReentrantLock sweeping = new ReentrantLock();

    ParkingExpiry(ParkedEvents parking, PostOccupationService occupation, FundingConfig config, EventMetrics metrics,
            Clock clock) {
        this.parking = parking;
        this.occupation = occupation;
        this.config = config;
        this.metrics = metrics;
        this.clock = clock;
    }

    // Not once the service is stopping: the scheduler outlives Hibernate there, and each sweep logged an ERROR.
    @Scheduled(identity = "parking-expiry", every = "{cnfs.funding.parking.sweep-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        if (!sweeping.tryLock()) {
            return;
        }
        try {
            sweepNow();
        } finally {
            sweeping.unlock();
        }
    }

    /** A sweep under way when the service begins to stop ends first (within 30 s); none starts after. */
    void awaitSweep(@Observes ShutdownEvent shutdown) throws InterruptedException {
        if (!sweeping.tryLock(30, TimeUnit.SECONDS)) {
            LOG.warn("A sweep of parked events was still running after 30 s when the service stopped");
        }
    }

    @Transactional
    void sweepNow() {
        retryParked();
        int expired = expireWaitingSince(clock.instant().minus(config.parking().maxWait()));
        if (expired > 0) {
            LOG.warnf("%d parked event(s) waited more than %s and went to the dead-letter topic", expired,
                    config.parking().maxWait());
        }
    }

    /**
     * Tries again the parked events, post by post, each in a transaction of its own (cheap while a prerequisite is still
     * missing: one locked read). An event is
     * parked by the transaction that found its prerequisite missing; when the prerequisite was being committed at that
     * very moment by another consumer (a grant and a contract start consumed side by side), neither saw the other, and
     * nothing else would wake the event before it expired.
     */
    void retryParked() {
        for (UUID postId : ParkedEvent.postsWaitedOn(BATCH)) {
            try {
                QuarkusTransaction.requiringNew().run(() -> occupation.applyParked(postId));
            } catch (RuntimeException e) {
                LOG.warnf("Parked events of post %s not retried: %s", postId, e.getMessage());
            }
        }
    }

    /** Rejects the events parked before {@code cutoff}; returns how many. */
    @Transactional
    public int expireWaitingSince(Instant cutoff) {
        int expired = 0;
        for (ParkedEvent parked : ParkedEvent.parkedBefore(cutoff, BATCH)) {
            String reason = "waited more than " + config.parking().maxWait() + " for " + parked.waitingFor;
            if (parking.expire(parked, reason)) {
                metrics.consumed(parked.eventType, "dead_lettered");
                expired++;
            }
        }
        return expired;
    }
}
