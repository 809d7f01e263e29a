package fr.cnfs.funding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class StateMachinesTest {

    @Test
    void aTrancheIsPaidOnlyOnceDueAndNothingFollowsPaidOrCancelled() {
        assertEquals(Set.of(TrancheStatus.DUE, TrancheStatus.CANCELLED), TrancheStatus.PLANNED.next());
        assertEquals(Set.of(TrancheStatus.PAID, TrancheStatus.CANCELLED), TrancheStatus.DUE.next());
        assertFalse(TrancheStatus.PLANNED.canBecome(TrancheStatus.PAID));
        assertTrue(TrancheStatus.PAID.next().isEmpty());
        assertTrue(TrancheStatus.CANCELLED.next().isEmpty());
    }

    @Test
    void aPostFundingGoesFromAwaitingThroughOccupationToCompletedOrClosed() {
        assertTrue(PostFundingStatus.AWAITING_CONTRACT.canBecome(PostFundingStatus.OCCUPIED));
        assertTrue(PostFundingStatus.AWAITING_CONTRACT.canBecome(PostFundingStatus.CLOSED));
        assertTrue(PostFundingStatus.OCCUPIED.canBecome(PostFundingStatus.VACANT));
        assertTrue(PostFundingStatus.OCCUPIED.canBecome(PostFundingStatus.COMPLETED));
        assertFalse(PostFundingStatus.OCCUPIED.canBecome(PostFundingStatus.CLOSED), "a running contract ends first");
        assertTrue(PostFundingStatus.VACANT.canBecome(PostFundingStatus.OCCUPIED));
        assertTrue(PostFundingStatus.VACANT.canBecome(PostFundingStatus.CLOSED));
        assertFalse(PostFundingStatus.VACANT.canBecome(PostFundingStatus.COMPLETED));
        assertTrue(PostFundingStatus.COMPLETED.isFinal());
        assertTrue(PostFundingStatus.CLOSED.isFinal());
        assertFalse(PostFundingStatus.COMPLETED.acceptsContract());
        assertTrue(PostFundingStatus.VACANT.acceptsContract());
    }

    @Test
    void aRecoveryIsSettledInOneOrSeveralReceipts() {
        assertTrue(RecoveryStatus.ISSUED.canBecome(RecoveryStatus.SETTLED));
        assertTrue(RecoveryStatus.ISSUED.canBecome(RecoveryStatus.PARTIALLY_SETTLED));
        assertTrue(RecoveryStatus.PARTIALLY_SETTLED.canBecome(RecoveryStatus.SETTLED));
        assertTrue(RecoveryStatus.SETTLED.next().isEmpty());
    }

    @Test
    void aGrantFollowsItsPosts() {
        assertEquals(GrantStatus.AWARDED, GrantStatus.of(List.of(PostFundingStatus.AWAITING_CONTRACT, PostFundingStatus.AWAITING_CONTRACT)));
        assertEquals(GrantStatus.ACTIVE, GrantStatus.of(List.of(PostFundingStatus.AWAITING_CONTRACT, PostFundingStatus.OCCUPIED)));
        assertEquals(GrantStatus.ACTIVE, GrantStatus.of(List.of(PostFundingStatus.CLOSED, PostFundingStatus.AWAITING_CONTRACT)));
        assertEquals(GrantStatus.ENDED, GrantStatus.of(List.of(PostFundingStatus.CLOSED, PostFundingStatus.COMPLETED)));
    }
}
