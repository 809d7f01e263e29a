package fr.cnfs.funding.domain;

import java.util.Set;

/**
 * The occupation of a funded post (DESIGN §5).
 * <pre>
 * AWAITING_CONTRACT --contract starts--> OCCUPIED --funded period fully occupied--> COMPLETED
 *        |                               |    ^
 *        | post returned                 |    | new contract within the replacement window
 *        v                       contract ends early
 *     CLOSED <--window passed, or post returned-- VACANT
 * </pre>
 * COMPLETED and CLOSED are final: later contracts on the post are recorded but change no money.
 */
public enum PostFundingStatus {
    AWAITING_CONTRACT,
    OCCUPIED,
    VACANT,
    COMPLETED,
    CLOSED;

    public Set<PostFundingStatus> next() {
        return switch (this) {
            case AWAITING_CONTRACT -> Set.of(OCCUPIED, CLOSED);
            case OCCUPIED -> Set.of(VACANT, COMPLETED);
            case VACANT -> Set.of(OCCUPIED, CLOSED);
            case COMPLETED, CLOSED -> Set.of();
        };
    }

    public boolean canBecome(PostFundingStatus target) {
        return next().contains(target);
    }

    public boolean isFinal() {
        return next().isEmpty();
    }

    /** A contract start is counted (T1, accrual) only from these states. */
    public boolean acceptsContract() {
        return canBecome(OCCUPIED);
    }
}
