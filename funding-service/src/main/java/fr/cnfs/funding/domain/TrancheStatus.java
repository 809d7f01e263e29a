package fr.cnfs.funding.domain;

import java.util.Set;

/**
 * The life of a tranche: PLANNED at the award, DUE when its trigger is met (or as a closing adjustment), PAID when the
 * paying agency records the payment, CANCELLED when the post funding closes before it is paid or due.
 */
public enum TrancheStatus {
    PLANNED,
    DUE,
    PAID,
    CANCELLED;

    public Set<TrancheStatus> next() {
        return switch (this) {
            case PLANNED -> Set.of(DUE, CANCELLED);
            case DUE -> Set.of(PAID, CANCELLED);
            case PAID, CANCELLED -> Set.of();
        };
    }

    public boolean canBecome(TrancheStatus target) {
        return next().contains(target);
    }
}
