package fr.cnfs.plumbing.problem;

import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleStateException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * The one place where failures become HTTP answers: every error is an RFC 9457 problem document, and none carries a
 * stack trace, a class name or SQL.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying a 503: about a database restart, or a burst draining. */
    private static final String RETRY_AFTER_SECONDS = "5";

    private static final String AGROAL_ACQUISITION_TIMEOUT = "Sorry, acquisition timeout";

    @ServerExceptionMapper
    public RestResponse<Problem> domainRefusal(ProblemException e, UriInfo uri) {
        List<Problem.Violation> violations = e instanceof InvalidRequestException invalid ? invalid.violations() : null;
        return respond(new Problem(Problem.TYPE_PREFIX + e.kind(), e.title(), e.status(), e.getMessage(), path(uri),
                violations));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> invalidInput(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(violation -> new Problem.Violation(fieldOf(violation), violation.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b).orElse("invalid request");
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, path(uri),
                violations));
    }

    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, ValueInstantiationException.class })
    public RestResponse<Problem> unreadableJson(JsonProcessingException e, UriInfo uri) {
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse(null);
        }
        String message = field == null ? "the body is not valid JSON for this operation"
                : "has a value of the wrong type or format";
        List<Problem.Violation> violations = field == null ? null : List.of(new Problem.Violation(field, message));
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-body", "Malformed request body", 400,
                field == null ? message : field + ": " + message, path(uri), violations));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unauthenticated(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public RestResponse<Problem> forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "your role does not allow this operation", path(uri), null));
    }

    @ServerExceptionMapper({ OptimisticLockException.class, StaleStateException.class })
    public RestResponse<Problem> concurrentUpdate(Exception e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "concurrent-update", "Conflict with the current state", 409,
                "the resource was changed by another request; read it again and retry", path(uri), null));
    }

    @ServerExceptionMapper({ JDBCConnectionException.class, SQLTransientConnectionException.class })
    public RestResponse<Problem> databaseUnavailable(Exception e, UriInfo uri) {
        LOG.warnf("Database unavailable for %s: %s", path(uri), e.getMessage());
        return retryLater(new Problem(Problem.TYPE_PREFIX + "unavailable", "Service unavailable", 503,
                "the service cannot reach its database; retry later", path(uri), null));
    }

    private static RestResponse<Problem> retryLater(Problem problem) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.SERVICE_UNAVAILABLE, problem)
                .type(Problem.MEDIA_TYPE).header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    @ServerExceptionMapper
    public RestResponse<Problem> httpError(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        Response.StatusType statusType = Response.Status.fromStatusCode(status);
        String title = statusType != null ? statusType.getReasonPhrase() : "HTTP " + status;
        if (status >= 500) {
            return unexpected(e, uri);
        }
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            return unreadableJson(unreadable, uri);
        }
        return respond(new Problem(Problem.TYPE_PREFIX + kindOf(status), title, status, detailOf(status), path(uri),
                null));
    }

    @ServerExceptionMapper
    public RestResponse<Problem> unexpected(Throwable e, UriInfo uri) {
        if (isDatabaseDown(e)) {
            return databaseUnavailable(new IllegalStateException(e.getMessage()), uri);
        }
        if (isPoolExhausted(e)) {
            // Every connection stayed busy for the whole acquisition timeout: the service is saturated, not broken.
            LOG.warnf("No database connection free in time for %s", path(uri));
            return retryLater(new Problem(Problem.TYPE_PREFIX + "overloaded", "Service unavailable", 503,
                    "the service is at capacity: no database connection became free in time; retry later", path(uri),
                    null));
        }
        String integrityState = integrityViolationState(e);
        if (integrityState != null) {
            // A concurrent request won a race the checks could not see; the database refused the second one.
            boolean duplicate = "23505".equals(integrityState);
            return respond(new Problem(Problem.TYPE_PREFIX + (duplicate ? "duplicate" : "integrity"),
                    "Conflict with the current state", 409,
                    duplicate ? "another request created the same resource at the same time; read it again"
                            : "the request conflicts with related data that changed meanwhile; read it again and retry",
                    path(uri), null));
        }
        if (isDataException(e)) {
            // The database refused a value it cannot store (a NUL character, a number or date out of its range):
            // the input was bad, whatever the checks before it let through.
            return respond(new Problem(Problem.TYPE_PREFIX + "invalid-value", "Invalid request", 400,
                    "a value of the request cannot be stored (control character, or number or date out of range)",
                    path(uri), null));
        }
        String errorId = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected error %s on %s", errorId, path(uri));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal-error", "Internal error", 500,
                "an unexpected error occurred; quote error id " + errorId + " to the support team", path(uri), null));
    }

    private RestResponse<Problem> unauthenticated(UriInfo uri) {
        return RestResponse.ResponseBuilder.create(RestResponse.Status.UNAUTHORIZED,
                new Problem(Problem.TYPE_PREFIX + "unauthenticated", "Unauthorized", 401,
                        "a valid bearer token is required", path(uri), null))
                .type(Problem.MEDIA_TYPE).header("WWW-Authenticate", "Bearer").build();
    }

    private static RestResponse<Problem> respond(Problem problem) {
        return RestResponse.ResponseBuilder.<Problem> create(problem.status()).entity(problem).type(Problem.MEDIA_TYPE)
                .build();
    }

    /**
     * The database is unreachable or going away: a connection exception (SQLState class 08), or the server shutting
     * down or starting up (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now), which a restart
     * shows to the requests in flight.
     */
    private static boolean isDatabaseDown(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientConnectionException
                    || cause instanceof java.sql.SQLException sql && isUnavailableState(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Agroal gave up waiting for a free connection. It says so only in the message of a plain SQLException, without a
     * SQLState (agroal-pool's ConnectionPool), so the message is what identifies it.
     */
    private static boolean isPoolExhausted(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof java.sql.SQLException sql && sql.getMessage() != null
                    && sql.getMessage().startsWith(AGROAL_ACQUISITION_TIMEOUT)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isUnavailableState(String sqlState) {
        return sqlState != null && (sqlState.startsWith("08") || sqlState.equals("57P01") || sqlState.equals("57P02")
                || sqlState.equals("57P03"));
    }

    /**
     * The exception, its causes and what each of them suppressed. A commit that fails at the database reaches us as the
     * transaction manager's RollbackException, with the JDBC error among its suppressed exceptions, not as its cause.
     */
    static List<Throwable> causesOf(Throwable e) {
        List<Throwable> found = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(e);
        while (!pending.isEmpty()) {
            Throwable next = pending.poll();
            if (!seen.add(next)) {
                continue;
            }
            found.add(next);
            if (next.getCause() != null) {
                pending.add(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
        }
        return found;
    }

    /** A data exception (SQLState class 22) in the cause chain: the value, not the server, is at fault. */
    private static boolean isDataException(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("22")) {
                return true;
            }
        }
        return false;
    }

    /** The SQLState of an integrity constraint violation (class 23) in the cause chain, or null. */
    private static String integrityViolationState(Throwable e) {
        for (Throwable cause : causesOf(e)) {
            if (cause instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("23")) {
                return sql.getSQLState();
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getSQLState() != null && violation.getSQLState().startsWith("23")) {
                return violation.getSQLState();
            }
        }
        return null;
    }

    /** The client's name for the field: the property path without the method and parameter of the resource. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (node.getIndex() != null && !field.isEmpty()) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? (parameter != null ? parameter : "request") : field.toString();
    }

    private static String kindOf(int status) {
        return switch (status) {
            case 400 -> "bad-request";
            case 401 -> "unauthenticated";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 409 -> "conflict";
            case 412 -> "stale-version";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> "http-" + status;
        };
    }

    private static String detailOf(int status) {
        return switch (status) {
            case 404 -> "no resource at this path";
            case 405 -> "this method is not allowed on this path";
            case 406 -> "the requested media type cannot be produced";
            case 415 -> "the request body's media type is not supported; send application/json";
            default -> "the request cannot be processed";
        };
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : "/" + uri.getPath().replaceFirst("^/", "");
    }
}
