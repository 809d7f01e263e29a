package fr.cnfs.plumbing.problem;

/** 412: the If-Match version is not the current one. */
public class PreconditionFailedException extends ProblemException {

    public PreconditionFailedException(String detail) {
        super(412, "stale-version", "Stale version", detail);
    }
}
