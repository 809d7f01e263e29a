package fr.cnfs.funding.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.TrancheEvaluationRun;

@Schema(name = "TrancheEvaluation", description = "One evaluation of time-based triggers and what it changed")
public record EvaluationRunView(UUID id, LocalDate asOf, String triggeredBy, String requestedBy, Instant startedAt,
        Instant finishedAt, int postsExamined, int tranchesDue, int postsCompleted, int postsClosed,
        int recoveriesIssued, int adjustmentsDue, int failures) {

    static EvaluationRunView of(TrancheEvaluationRun run) {
        return new EvaluationRunView(run.id, run.asOf, run.triggeredBy, run.requestedBy, run.startedAt, run.finishedAt,
                run.postsExamined, run.tranchesDue, run.postsCompleted, run.postsClosed, run.recoveriesIssued,
                run.adjustmentsDue, run.failures);
    }
}
