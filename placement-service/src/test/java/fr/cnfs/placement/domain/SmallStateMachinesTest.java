package fr.cnfs.placement.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import fr.cnfs.plumbing.problem.StateConflictException;

/** Posts, advisers' statuses and training. */
class SmallStateMachinesTest {

    @Test
    void aPostIsVacantOrOccupiedUntilItIsReturnedForGood() {
        assertEquals(PostState.OCCUPIED, PostState.VACANT.to(PostState.OCCUPIED));
        assertEquals(PostState.VACANT, PostState.OCCUPIED.to(PostState.VACANT));
        assertEquals(PostState.RETURNED, PostState.VACANT.to(PostState.RETURNED));
        assertThrows(StateConflictException.class, () -> PostState.OCCUPIED.to(PostState.RETURNED));
        assertThrows(StateConflictException.class, () -> PostState.OCCUPIED.to(PostState.OCCUPIED));
        assertThrows(StateConflictException.class, () -> PostState.VACANT.to(PostState.VACANT));
        for (PostState target : PostState.values()) {
            assertThrows(StateConflictException.class, () -> PostState.RETURNED.to(target));
        }
    }

    @Test
    void anAdviserIsRecruitedOnlyFromAvailableAndComesBackToAvailable() {
        assertTrue(ConseillerStatus.AVAILABLE.canBecome(ConseillerStatus.RECRUITED));
        assertTrue(ConseillerStatus.RECRUITED.canBecome(ConseillerStatus.AVAILABLE));
        assertTrue(ConseillerStatus.AVAILABLE.canBecome(ConseillerStatus.UNAVAILABLE));
        assertTrue(ConseillerStatus.UNAVAILABLE.canBecome(ConseillerStatus.AVAILABLE));
        assertFalse(ConseillerStatus.UNAVAILABLE.canBecome(ConseillerStatus.RECRUITED));
        assertFalse(ConseillerStatus.RECRUITED.canBecome(ConseillerStatus.UNAVAILABLE));
        assertFalse(ConseillerStatus.RECRUITED.canBecome(ConseillerStatus.RECRUITED));
        assertThrows(StateConflictException.class, () -> ConseillerStatus.RECRUITED.to(ConseillerStatus.RECRUITED));
        assertFalse(ConseillerStatus.RECRUITED.isChosenByAdviser());
        assertTrue(ConseillerStatus.UNAVAILABLE.isChosenByAdviser());
    }

    @Test
    void trainingGoesFromEnrolmentToCertificationOrAbandonment() {
        assertEquals(TrainingStatus.ENROLLED, TrainingAction.ENROL.apply(TrainingStatus.NOT_STARTED));
        assertEquals(TrainingStatus.ENROLLED, TrainingAction.RECORD_PROGRESS.apply(TrainingStatus.ENROLLED));
        assertEquals(TrainingStatus.CERTIFIED, TrainingAction.CERTIFY.apply(TrainingStatus.ENROLLED));
        assertEquals(TrainingStatus.ABANDONED, TrainingAction.ABANDON.apply(TrainingStatus.ENROLLED));
        assertEquals(TrainingStatus.ABANDONED, TrainingAction.ABANDON.apply(TrainingStatus.NOT_STARTED));

        assertThrows(StateConflictException.class, () -> TrainingAction.CERTIFY.apply(TrainingStatus.NOT_STARTED));
        assertThrows(StateConflictException.class, () -> TrainingAction.RECORD_PROGRESS.apply(TrainingStatus.NOT_STARTED));
        assertThrows(StateConflictException.class, () -> TrainingAction.ENROL.apply(TrainingStatus.ENROLLED));
        for (TrainingAction action : TrainingAction.values()) {
            assertThrows(StateConflictException.class, () -> action.apply(TrainingStatus.CERTIFIED));
            assertThrows(StateConflictException.class, () -> action.apply(TrainingStatus.ABANDONED));
        }
    }
}
