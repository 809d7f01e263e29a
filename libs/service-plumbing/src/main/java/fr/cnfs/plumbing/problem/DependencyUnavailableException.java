package fr.cnfs.plumbing.problem;

/** 503: another service this operation needs did not answer; nothing changed, the client may retry. */
public class DependencyUnavailableException extends ProblemException {

    public DependencyUnavailableException(String detail) {
        super(503, "dependency-unavailable", "Service unavailable", detail);
    }
}
