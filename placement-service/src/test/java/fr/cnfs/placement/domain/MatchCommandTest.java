package fr.cnfs.placement.domain;

import static fr.cnfs.placement.domain.MatchState.DECLINED;
import static fr.cnfs.placement.domain.MatchState.ENDED;
import static fr.cnfs.placement.domain.MatchState.FINALIZED;
import static fr.cnfs.placement.domain.MatchState.NEW;
import static fr.cnfs.placement.domain.MatchState.OBSOLETE;
import static fr.cnfs.placement.domain.MatchState.RECRUITED;
import static fr.cnfs.placement.domain.MatchState.RUPTURE_DECLARED;
import static fr.cnfs.placement.domain.MatchState.SHORTLISTED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import fr.cnfs.placement.domain.MatchCommand.Actor;
import fr.cnfs.plumbing.problem.StateConflictException;

class MatchCommandTest {

    /** The table, row by row, plus the obsolescence of pending matches. */
    @ParameterizedTest(name = "{0} --{1}--> {2} by {3}")
    @CsvSource({
            "NEW, SHORTLIST, SHORTLISTED, STRUCTURE",
            "NEW, DECLINE, DECLINED, STRUCTURE",
            "SHORTLISTED, RECRUIT, RECRUITED, STRUCTURE",
            "RECRUITED, CANCEL_RECRUITMENT, SHORTLISTED, STRUCTURE",
            "RECRUITED, FINALIZE, FINALIZED, ADMIN",
            "FINALIZED, DECLARE_RUPTURE, RUPTURE_DECLARED, STRUCTURE",
            "RUPTURE_DECLARED, VALIDATE_RUPTURE, ENDED, ADMIN",
            "RUPTURE_DECLARED, CANCEL_RUPTURE, FINALIZED, ADMIN",
            "FINALIZED, END_NATURALLY, ENDED, SYSTEM",
            "NEW, MAKE_OBSOLETE, OBSOLETE, SYSTEM",
            "SHORTLISTED, MAKE_OBSOLETE, OBSOLETE, SYSTEM",
            "RECRUITED, MAKE_OBSOLETE, OBSOLETE, SYSTEM" })
    void everyRowOfTheTableIsAllowed(MatchState from, MatchCommand command, MatchState to, Actor actor) {
        assertEquals(to, command.apply(from));
        assertEquals(actor, command.actor());
    }

    @Test
    void everyOtherCombinationIsAConflict() {
        Set<String> allowed = Set.of("NEW/SHORTLIST", "NEW/DECLINE", "SHORTLISTED/RECRUIT",
                "RECRUITED/CANCEL_RECRUITMENT", "RECRUITED/FINALIZE", "FINALIZED/DECLARE_RUPTURE",
                "RUPTURE_DECLARED/VALIDATE_RUPTURE", "RUPTURE_DECLARED/CANCEL_RUPTURE", "FINALIZED/END_NATURALLY",
                "NEW/MAKE_OBSOLETE", "SHORTLISTED/MAKE_OBSOLETE", "RECRUITED/MAKE_OBSOLETE");
        Set<String> seen = new HashSet<>();
        for (MatchState state : MatchState.values()) {
            for (MatchCommand command : MatchCommand.values()) {
                String pair = state + "/" + command;
                if (allowed.contains(pair)) {
                    seen.add(pair);
                    assertTrue(command.appliesTo(state), pair);
                } else {
                    var conflict = assertThrows(StateConflictException.class, () -> command.apply(state), pair);
                    assertEquals(409, conflict.status());
                    assertEquals("illegal-transition", conflict.kind());
                }
            }
        }
        assertEquals(allowed, seen);
    }

    @Test
    void closedStatesAcceptNoCommand() {
        for (MatchState closed : new MatchState[] { DECLINED, ENDED, OBSOLETE }) {
            for (MatchCommand command : MatchCommand.values()) {
                assertThrows(StateConflictException.class, () -> command.apply(closed));
            }
        }
    }

    @Test
    void theConflictNamesTheCommandAndTheStatesItAppliesTo() {
        var conflict = assertThrows(StateConflictException.class, () -> MatchCommand.FINALIZE.apply(SHORTLISTED));
        assertEquals("'finalize' does not apply to a SHORTLISTED match (only to RECRUITED)", conflict.getMessage());
    }

    @Test
    void openAndPendingStates() {
        assertEquals(Set.of(NEW, SHORTLISTED, RECRUITED, FINALIZED, RUPTURE_DECLARED), MatchState.OPEN);
        assertEquals(Set.of(NEW, SHORTLISTED, RECRUITED), MatchState.PENDING);
        assertEquals(Set.of(FINALIZED, RUPTURE_DECLARED), MatchState.UNDER_CONTRACT);
    }
}
