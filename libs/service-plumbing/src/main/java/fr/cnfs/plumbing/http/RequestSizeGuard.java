package fr.cnfs.plumbing.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.plumbing.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;

/**
 * Refuses a body announced above {@code quarkus.http.limits.max-body-size} before it is read, with the same problem
 * document as every other error (the HTTP layer's own 413 has no body). A chunked body without Content-Length is
 * still cut by that limit.
 */
@ApplicationScoped
public class RequestSizeGuard {

    /** Before the security and REST handlers. */
    private static final int PRIORITY = 1000;

    private final long maxBodyBytes;
    private final ObjectMapper objectMapper;

    RequestSizeGuard(@ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize maxBodySize,
            ObjectMapper objectMapper) {
        this.maxBodyBytes = maxBodySize.asLongValue();
        this.objectMapper = objectMapper;
    }

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null && isAbove(length)) {
                Problem problem = new Problem("urn:cnfs:problem:payload-too-large", "Payload Too Large", 413,
                        "the request body exceeds " + maxBodyBytes + " bytes", context.request().path(), null);
                try {
                    context.response().setStatusCode(413)
                            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
                            .putHeader(HttpHeaders.CONNECTION, "close")
                            .end(objectMapper.writeValueAsString(problem));
                } catch (JsonProcessingException e) {
                    context.fail(413, e);
                }
                return;
            }
            context.next();
        }, PRIORITY);
    }

    private boolean isAbove(String contentLength) {
        try {
            return Long.parseLong(contentLength.trim()) > maxBodyBytes;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
