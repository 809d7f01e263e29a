package fr.cnfs.placement.domain;

import static fr.cnfs.placement.domain.MatchState.DECLINED;
import static fr.cnfs.placement.domain.MatchState.ENDED;
import static fr.cnfs.placement.domain.MatchState.FINALIZED;
import static fr.cnfs.placement.domain.MatchState.NEW;
import static fr.cnfs.placement.domain.MatchState.OBSOLETE;
import static fr.cnfs.placement.domain.MatchState.RECRUITED;
import static fr.cnfs.placement.domain.MatchState.RUPTURE_DECLARED;
import static fr.cnfs.placement.domain.MatchState.SHORTLISTED;

import java.util.EnumSet;
import java.util.Set;

import fr.cnfs.plumbing.problem.StateConflictException;

/**
 * The transitions of a match, exactly as the table, plus the obsolescence of pending matches when the adviser
 * is hired elsewhere or the post is returned. Pure: the service applies it inside its transaction.
 */
public enum MatchCommand {
    SHORTLIST("shortlist", Actor.STRUCTURE, EnumSet.of(NEW), SHORTLISTED),
    DECLINE("decline", Actor.STRUCTURE, EnumSet.of(NEW), DECLINED),
    RECRUIT("recruit", Actor.STRUCTURE, EnumSet.of(SHORTLISTED), RECRUITED),
    CANCEL_RECRUITMENT("cancel-recruitment", Actor.STRUCTURE, EnumSet.of(RECRUITED), SHORTLISTED),
    FINALIZE("finalize", Actor.ADMIN, EnumSet.of(RECRUITED), FINALIZED),
    DECLARE_RUPTURE("declare-rupture", Actor.STRUCTURE, EnumSet.of(FINALIZED), RUPTURE_DECLARED),
    VALIDATE_RUPTURE("validate-rupture", Actor.ADMIN, EnumSet.of(RUPTURE_DECLARED), ENDED),
    CANCEL_RUPTURE("cancel-rupture", Actor.ADMIN, EnumSet.of(RUPTURE_DECLARED), FINALIZED),
    END_NATURALLY("natural-end", Actor.SYSTEM, EnumSet.of(FINALIZED), ENDED),
    MAKE_OBSOLETE("obsolete", Actor.SYSTEM, EnumSet.copyOf(MatchState.PENDING), OBSOLETE);

    /** Who may issue the command: the structure of the post (or an admin), an admin only, or the system. */
    public enum Actor {
        STRUCTURE,
        ADMIN,
        SYSTEM
    }

    private final String apiName;
    private final Actor actor;
    private final Set<MatchState> from;
    private final MatchState to;

    MatchCommand(String apiName, Actor actor, Set<MatchState> from, MatchState to) {
        this.apiName = apiName;
        this.actor = actor;
        this.from = from;
        this.to = to;
    }

    public String apiName() {
        return apiName;
    }

    public Actor actor() {
        return actor;
    }

    public MatchState target() {
        return to;
    }

    public boolean appliesTo(MatchState state) {
        return from.contains(state);
    }

    /** The state after this command, or a 409 that names the states it applies to. */
    public MatchState apply(MatchState state) {
        if (!appliesTo(state)) {
            throw new StateConflictException("illegal-transition", "'" + apiName + "' does not apply to a " + state
                    + " match (only to " + String.join(", ", from.stream().map(Enum::name).sorted().toList()) + ")");
        }
        return to;
    }
}
