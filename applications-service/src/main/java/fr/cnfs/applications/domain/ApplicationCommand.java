package fr.cnfs.applications.domain;

import static fr.cnfs.applications.domain.ApplicationStatus.APPROVED;
import static fr.cnfs.applications.domain.ApplicationStatus.CHANGES_REQUESTED;
import static fr.cnfs.applications.domain.ApplicationStatus.DRAFT;
import static fr.cnfs.applications.domain.ApplicationStatus.REJECTED;
import static fr.cnfs.applications.domain.ApplicationStatus.SUBMITTED;
import static fr.cnfs.applications.domain.ApplicationStatus.UNDER_REVIEW;
import static fr.cnfs.applications.domain.ApplicationStatus.WITHDRAWN;

import java.util.Map;
import java.util.Optional;

import fr.cnfs.plumbing.problem.StateConflictException;

/**
 * The state machine of an application: every command, the statuses it accepts and where it leads. A command from
 * any other status is an illegal transition (409) and changes nothing. Updates and prefect opinions keep the status;
 * they are listed so that the history records them like the others.
 */
public enum ApplicationCommand {
    CREATE(Map.of()),
    UPDATE(Map.of(DRAFT, DRAFT, CHANGES_REQUESTED, CHANGES_REQUESTED)),
    SUBMIT(Map.of(DRAFT, SUBMITTED)),
    START_REVIEW(Map.of(SUBMITTED, UNDER_REVIEW)),
    REQUEST_CHANGES(Map.of(UNDER_REVIEW, CHANGES_REQUESTED)),
    RESUBMIT(Map.of(CHANGES_REQUESTED, UNDER_REVIEW)),
    APPROVE(Map.of(UNDER_REVIEW, APPROVED)),
    REJECT(Map.of(UNDER_REVIEW, REJECTED)),
    WITHDRAW(Map.of(DRAFT, WITHDRAWN, SUBMITTED, WITHDRAWN, UNDER_REVIEW, WITHDRAWN, CHANGES_REQUESTED, WITHDRAWN)),
    PREFECT_OPINION(Map.of(SUBMITTED, SUBMITTED, UNDER_REVIEW, UNDER_REVIEW));

    private final Map<ApplicationStatus, ApplicationStatus> transitions;

    ApplicationCommand(Map<ApplicationStatus, ApplicationStatus> transitions) {
        this.transitions = transitions;
    }

    /** Where this command leads from {@code from}, or empty when it is not allowed there. */
    public Optional<ApplicationStatus> targetFrom(ApplicationStatus from) {
        return Optional.ofNullable(transitions.get(from));
    }

    /** Where this command leads from {@code from}; an illegal transition is a 409. */
    public ApplicationStatus apply(ApplicationStatus from) {
        return targetFrom(from).orElseThrow(() -> new StateConflictException("illegal-transition",
                "'" + label() + "' is not possible on an application in status " + from + "; possible from "
                        + transitions.keySet().stream().map(Enum::name).sorted().toList()));
    }

    /** The command as the API names it, e.g. {@code start-review}. */
    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
