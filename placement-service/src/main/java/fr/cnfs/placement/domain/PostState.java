package fr.cnfs.placement.domain;

import java.util.Map;
import java.util.Set;

import fr.cnfs.plumbing.problem.StateConflictException;

/** VACANT ⇄ OCCUPIED as contracts start and end; VACANT → RETURNED is final. */
public enum PostState {
    VACANT,
    OCCUPIED,
    RETURNED;

    private static final Map<PostState, Set<PostState>> NEXT = Map.of(
            VACANT, Set.of(OCCUPIED, RETURNED),
            OCCUPIED, Set.of(VACANT),
            RETURNED, Set.of());

    public boolean canBecome(PostState target) {
        return NEXT.get(this).contains(target);
    }

    /** The target state, or a 409 when the post cannot go there from this state. */
    public PostState to(PostState target) {
        if (!canBecome(target)) {
            throw new StateConflictException("illegal-transition", "a " + this + " post cannot become " + target);
        }
        return target;
    }
}
