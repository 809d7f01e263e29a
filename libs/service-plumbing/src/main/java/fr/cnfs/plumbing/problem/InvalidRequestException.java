package fr.cnfs.plumbing.problem;

import java.util.List;

/** 400 raised by code rather than by bean validation, e.g. an unknown sort field; same shape as validation errors. */
public class InvalidRequestException extends ProblemException {

    private final List<Problem.Violation> violations;

    public InvalidRequestException(String field, String message) {
        super(400, "validation", "Invalid request", field + ": " + message);
        this.violations = List.of(new Problem.Violation(field, message));
    }

    public List<Problem.Violation> violations() {
        return violations;
    }
}
