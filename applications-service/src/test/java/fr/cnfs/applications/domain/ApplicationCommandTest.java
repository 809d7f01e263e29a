package fr.cnfs.applications.domain;

import static fr.cnfs.applications.domain.ApplicationStatus.APPROVED;
import static fr.cnfs.applications.domain.ApplicationStatus.CHANGES_REQUESTED;
import static fr.cnfs.applications.domain.ApplicationStatus.DRAFT;
import static fr.cnfs.applications.domain.ApplicationStatus.REJECTED;
import static fr.cnfs.applications.domain.ApplicationStatus.SUBMITTED;
import static fr.cnfs.applications.domain.ApplicationStatus.UNDER_REVIEW;
import static fr.cnfs.applications.domain.ApplicationStatus.WITHDRAWN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.plumbing.problem.StateConflictException;

/** Every command from every status: the table of the issue, and nothing else. */
class ApplicationCommandTest {

    private static final Map<ApplicationCommand, Map<ApplicationStatus, ApplicationStatus>> ALLOWED =
            new EnumMap<>(ApplicationCommand.class);

    static {
        ALLOWED.put(ApplicationCommand.CREATE, Map.of());
        ALLOWED.put(ApplicationCommand.UPDATE, Map.of(DRAFT, DRAFT, CHANGES_REQUESTED, CHANGES_REQUESTED));
        ALLOWED.put(ApplicationCommand.SUBMIT, Map.of(DRAFT, SUBMITTED));
        ALLOWED.put(ApplicationCommand.START_REVIEW, Map.of(SUBMITTED, UNDER_REVIEW));
        ALLOWED.put(ApplicationCommand.REQUEST_CHANGES, Map.of(UNDER_REVIEW, CHANGES_REQUESTED));
        ALLOWED.put(ApplicationCommand.RESUBMIT, Map.of(CHANGES_REQUESTED, UNDER_REVIEW));
        ALLOWED.put(ApplicationCommand.APPROVE, Map.of(UNDER_REVIEW, APPROVED));
        ALLOWED.put(ApplicationCommand.REJECT, Map.of(UNDER_REVIEW, REJECTED));
        ALLOWED.put(ApplicationCommand.WITHDRAW, Map.of(DRAFT, WITHDRAWN, SUBMITTED, WITHDRAWN, UNDER_REVIEW,
                WITHDRAWN, CHANGES_REQUESTED, WITHDRAWN));
        ALLOWED.put(ApplicationCommand.PREFECT_OPINION, Map.of(SUBMITTED, SUBMITTED, UNDER_REVIEW, UNDER_REVIEW));
    }

    @Test
    void everyCommandLeadsWhereTheTableSaysAndIsRefusedEverywhereElse() {
        int allowed = 0;
        int refused = 0;
        for (ApplicationCommand command : ApplicationCommand.values()) {
            for (ApplicationStatus from : ApplicationStatus.values()) {
                ApplicationStatus expected = ALLOWED.get(command).get(from);
                if (expected != null) {
                    assertEquals(expected, command.apply(from), command + " from " + from);
                    allowed++;
                } else {
                    var conflict = assertThrows(StateConflictException.class, () -> command.apply(from),
                            command + " from " + from);
                    assertEquals("illegal-transition", conflict.kind());
                    assertEquals(409, conflict.status());
                    refused++;
                }
            }
        }
        assertEquals(14, allowed);
        assertEquals(ApplicationCommand.values().length * ApplicationStatus.values().length - 14, refused);
    }

    @Test
    void finalStatusesTakeNoCommandAtAll() {
        for (ApplicationStatus status : ApplicationStatus.values()) {
            boolean anyCommand = false;
            for (ApplicationCommand command : ApplicationCommand.values()) {
                anyCommand |= command.targetFrom(status).isPresent();
            }
            assertEquals(!status.isFinal(), anyCommand, status.name());
        }
        assertTrue(APPROVED.isFinal() && REJECTED.isFinal() && WITHDRAWN.isFinal());
        assertFalse(DRAFT.isFinal() || SUBMITTED.isFinal() || UNDER_REVIEW.isFinal() || CHANGES_REQUESTED.isFinal());
    }

    @Test
    void theRefusalNamesTheCommandAndWhereItWouldBePossible() {
        var conflict = assertThrows(StateConflictException.class, () -> ApplicationCommand.START_REVIEW.apply(DRAFT));
        assertEquals("'start-review' is not possible on an application in status DRAFT; possible from [SUBMITTED]",
                conflict.getMessage());
    }
}
