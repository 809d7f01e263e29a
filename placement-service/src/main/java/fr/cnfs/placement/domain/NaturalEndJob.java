package fr.cnfs.placement.domain;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import fr.cnfs.plumbing.problem.BusinessRuleException;
import io.quarkus.scheduler.Scheduled;

/**
 * Every day, ends the contracts whose end date has passed: FINALIZED → ENDED with reason NATURAL_END. Each contract
 * ends in its own transaction, so one failure does not hold back the others, and a second instance running at the
 * same time finds the contract already ended.
 */
@ApplicationScoped
public class NaturalEndJob {

    private static final Logger LOG = Logger.getLogger(NaturalEndJob.class);
    static final String SYSTEM_ACTOR = "system:natural-end";

    private final MatchService matches;
    private final Clock clock;

    NaturalEndJob(MatchService matches, Clock clock) {
        this.matches = matches;
        this.clock = clock;
    }

    @Scheduled(identity = "natural-end", cron = "${cnfs.placement.natural-end.cron:0 15 0 * * ?}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        List<UUID> ended = run(today(), SYSTEM_ACTOR);
        LOG.infof("Natural-end job: %d contract(s) ended", ended.size());
    }

    /**
     * Ends the active contracts whose end date is before {@code asOf}, which may not be after today: a contract
     * never ends ahead of time. Returns the ids of the contracts it ended.
     */
    public List<UUID> run(LocalDate asOf, String actor) {
        LocalDate today = today();
        if (asOf.isAfter(today)) {
            throw new BusinessRuleException("as-of-not-in-future", "asOf " + asOf + " is after today, " + today);
        }
        List<UUID> ended = new ArrayList<>();
        for (UUID contractId : matches.contractsEndedBefore(asOf)) {
            try {
                if (matches.endNaturally(contractId, asOf, actor)) {
                    ended.add(contractId);
                }
            } catch (RuntimeException e) {
                LOG.errorf(e, "Natural end of contract %s failed; the next run retries it", contractId);
            }
        }
        return ended;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }
}
