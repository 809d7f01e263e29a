package fr.cnfs.applications.api;

/** Names shared by the OpenAPI annotations: tags, the bearer scheme and the problem responses of package-info. */
public final class ApiDocumentation {

    static final String BEARER = "bearer";

    static final String STRUCTURES = "Structures";
    static final String CAMPAIGNS = "Campaigns";
    static final String APPLICATIONS = "Applications";
    static final String REVIEW = "Review";
    static final String COMMENTS = "Comments";

    static final String INVALID = "Invalid";
    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";
    static final String NOT_FOUND = "NotFound";
    static final String STALE = "Stale";
    static final String ILLEGAL_TRANSITION = "IllegalTransition";

    private ApiDocumentation() {
    }
}
