package fr.cnfs.funding.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import fr.cnfs.funding.config.FundingConfig;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.BusinessRuleException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Sort;

/**
 * The evaluation of time-based triggers for a date: tranches whose occupation threshold has been reached become due,
 * posts whose funded period is fully occupied complete, vacant posts whose replacement window has passed close.
 * Each post is evaluated in its own transaction, so one failure does not hold back the others; evaluating the same
 * date again finds nothing left to do.
 */
@ApplicationScoped
public class TrancheEvaluationService {

    private static final Logger LOG = Logger.getLogger(TrancheEvaluationService.class);

    public static final String BY_SCHEDULE = "SCHEDULE";
    public static final String BY_ADMIN = "ADMIN";

    private final PostOccupationService occupation;
    private final EntityManager entityManager;
    private final FundingConfig config;
    private final Clock clock;

    TrancheEvaluationService(PostOccupationService occupation, EntityManager entityManager, FundingConfig config,
            Clock clock) {
        this.occupation = occupation;
        this.entityManager = entityManager;
        this.config = config;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public TrancheEvaluationRun evaluate(LocalDate asOf, String triggeredBy, String requestedBy) {
        LocalDate today = today();
        if (asOf.isAfter(today)) {
            throw new BusinessRuleException("evaluation-date", "asOf " + asOf + " is after today, " + today
                    + ": money cannot fall due in advance");
        }
        TrancheEvaluationRun run = new TrancheEvaluationRun();
        run.id = UUID.randomUUID();
        run.asOf = asOf;
        run.triggeredBy = triggeredBy;
        run.requestedBy = requestedBy;
        run.startedAt = now();
        List<UUID> candidates = QuarkusTransaction.requiringNew().call(() -> entityManager.createQuery("""
                select p.postId from PostFunding p
                where p.status in (:statuses) and p.nextCheckOn <= :asOf
                order by p.nextCheckOn, p.postId""", UUID.class)
                .setParameter("statuses", List.of(PostFundingStatus.OCCUPIED, PostFundingStatus.VACANT))
                .setParameter("asOf", asOf)
                .getResultList());
        FundingOutcomes.Tally total = FundingOutcomes.Tally.NONE;
        for (UUID postId : candidates) {
            run.postsExamined++;
            try {
                total = total.plus(evaluateWithRetries(postId, asOf));
            } catch (RuntimeException e) {
                run.failures++;
                LOG.errorf(e, "Evaluation of post %s as of %s failed; the next run retries it", postId, asOf);
            }
        }
        run.tranchesDue = total.tranchesDue();
        run.adjustmentsDue = total.adjustmentsDue();
        run.postsCompleted = total.completed();
        run.postsClosed = total.closed();
        run.recoveriesIssued = total.recoveries();
        run.finishedAt = now();
        QuarkusTransaction.requiringNew().run(run::persist);
        LOG.infof("Tranche evaluation as of %s (%s): %d posts examined, %d tranches due, %d completed, %d closed, "
                + "%d recoveries, %d adjustments, %d failures", asOf, triggeredBy, run.postsExamined, run.tranchesDue,
                run.postsCompleted, run.postsClosed, run.recoveriesIssued, run.adjustmentsDue, run.failures);
        return run;
    }

    public <T> PageOf<T> runs(PageRequest page, Function<TrancheEvaluationRun, T> view) {
        return PageOf.of(TrancheEvaluationRun.findAll(
                page.sortOr(Map.of("startedAt", "startedAt", "asOf", "asOf"), Sort.descending("startedAt").and("id"))),
                page, view);
    }

    private FundingOutcomes.Tally evaluateWithRetries(UUID postId, LocalDate asOf) {
        int attempts = 0;
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> occupation.evaluate(postId, asOf));
            } catch (RuntimeException e) {
                attempts++;
                if (attempts >= config.evaluation().attemptsPerPost() || !isConcurrentChange(e)) {
                    throw e;
                }
                LOG.debugf("Post %s changed meanwhile, evaluating it again", postId);
            }
        }
    }

    private static boolean isConcurrentChange(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof jakarta.persistence.OptimisticLockException
                    || cause instanceof org.hibernate.StaleStateException
                    || cause instanceof jakarta.persistence.PessimisticLockException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException) {
                return true;
            }
        }
        return false;
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
