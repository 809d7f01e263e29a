package fr.cnfs.plumbing.problem;

/** 409: an illegal state transition, or a duplicate. */
public class StateConflictException extends ProblemException {

    public StateConflictException(String detail) {
        super(409, "conflict", "Conflict with the current state", detail);
    }

    public StateConflictException(String kind, String detail) {
        super(409, kind, "Conflict with the current state", detail);
    }
}
