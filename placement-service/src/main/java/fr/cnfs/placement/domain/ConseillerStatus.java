package fr.cnfs.placement.domain;

import java.util.Map;
import java.util.Set;

import fr.cnfs.plumbing.problem.StateConflictException;

/**
 * AVAILABLE ⇄ UNAVAILABLE at the adviser's request; AVAILABLE → RECRUITED when a contract is finalized, and back to
 * AVAILABLE when it ends. Only the contract moves an adviser into or out of RECRUITED.
 */
public enum ConseillerStatus {
    AVAILABLE,
    RECRUITED,
    UNAVAILABLE;

    private static final Map<ConseillerStatus, Set<ConseillerStatus>> NEXT = Map.of(
            AVAILABLE, Set.of(UNAVAILABLE, RECRUITED),
            UNAVAILABLE, Set.of(AVAILABLE),
            RECRUITED, Set.of(AVAILABLE));

    public boolean canBecome(ConseillerStatus target) {
        return NEXT.get(this).contains(target);
    }

    public ConseillerStatus to(ConseillerStatus target) {
        if (!canBecome(target)) {
            throw new StateConflictException("illegal-transition", "a " + this + " adviser cannot become " + target);
        }
        return target;
    }

    /** The statuses an adviser may choose for itself; RECRUITED follows the contracts. */
    public boolean isChosenByAdviser() {
        return this != RECRUITED;
    }
}
