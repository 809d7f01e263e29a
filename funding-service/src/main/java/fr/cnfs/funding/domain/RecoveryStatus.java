package fr.cnfs.funding.domain;

import java.util.Set;

/** An ordre de reversement: ISSUED, then settled in one or several receipts. */
public enum RecoveryStatus {
    ISSUED,
    PARTIALLY_SETTLED,
    SETTLED;

    public Set<RecoveryStatus> next() {
        return switch (this) {
            case ISSUED, PARTIALLY_SETTLED -> Set.of(PARTIALLY_SETTLED, SETTLED);
            case SETTLED -> Set.of();
        };
    }

    public boolean canBecome(RecoveryStatus target) {
        return next().contains(target);
    }
}
