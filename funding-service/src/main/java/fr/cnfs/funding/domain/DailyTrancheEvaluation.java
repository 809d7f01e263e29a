package fr.cnfs.funding.domain;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;

/**
 * Evaluates the time-based triggers once a day, as of the business clock's today (quarkus-scheduler). Running on
 * several instances at once is harmless: each post is locked while evaluated, and a second evaluation of the same
 * date changes nothing.
 */
@ApplicationScoped
public class DailyTrancheEvaluation {

    private final TrancheEvaluationService evaluation;

    DailyTrancheEvaluation(TrancheEvaluationService evaluation) {
        this.evaluation = evaluation;
    }

    @Scheduled(identity = "daily-tranche-evaluation", cron = "{cnfs.funding.evaluation.cron}",
            timeZone = "{cnfs.funding.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    public void run() {
        evaluation.evaluate(evaluation.today(), TrancheEvaluationService.BY_SCHEDULE, "scheduler");
    }
}
