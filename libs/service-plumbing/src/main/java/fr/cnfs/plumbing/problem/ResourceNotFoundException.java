package fr.cnfs.plumbing.problem;

/** 404: the resource does not exist, or the caller may not know that it does. */
public class ResourceNotFoundException extends ProblemException {

    public ResourceNotFoundException(String resource, Object id) {
        super(404, "not-found", "Resource not found", resource + " " + id + " not found");
    }
}
