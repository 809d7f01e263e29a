package fr.cnfs.plumbing.problem;

/**
 * A refusal the domain wants reported to the client as a problem document. Subclasses fix the status;
 * {@code kind} becomes the end of the problem {@code type} URN and lets clients branch on it.
 */
public abstract class ProblemException extends RuntimeException {

    private final int status;
    private final String kind;
    private final String title;

    protected ProblemException(int status, String kind, String title, String detail) {
        super(detail);
        this.status = status;
        this.kind = kind;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String kind() {
        return kind;
    }

    public String title() {
        return title;
    }
}
