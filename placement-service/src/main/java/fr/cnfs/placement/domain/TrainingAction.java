package fr.cnfs.placement.domain;

import static fr.cnfs.placement.domain.TrainingStatus.ABANDONED;
import static fr.cnfs.placement.domain.TrainingStatus.CERTIFIED;
import static fr.cnfs.placement.domain.TrainingStatus.ENROLLED;
import static fr.cnfs.placement.domain.TrainingStatus.NOT_STARTED;

import java.util.EnumSet;
import java.util.Set;

import fr.cnfs.plumbing.problem.StateConflictException;

/** What can be recorded about an adviser's training, and the status it leads to. CERTIFIED and ABANDONED are final. */
public enum TrainingAction {
    ENROL(EnumSet.of(NOT_STARTED), ENROLLED),
    RECORD_PROGRESS(EnumSet.of(ENROLLED), ENROLLED),
    CERTIFY(EnumSet.of(ENROLLED), CERTIFIED),
    ABANDON(EnumSet.of(NOT_STARTED, ENROLLED), ABANDONED);

    private final Set<TrainingStatus> from;
    private final TrainingStatus to;

    TrainingAction(Set<TrainingStatus> from, TrainingStatus to) {
        this.from = from;
        this.to = to;
    }

    public boolean appliesTo(TrainingStatus status) {
        return from.contains(status);
    }

    public TrainingStatus apply(TrainingStatus status) {
        if (!appliesTo(status)) {
            throw new StateConflictException("illegal-transition", this + " does not apply to a training in status "
                    + status);
        }
        return to;
    }
}
