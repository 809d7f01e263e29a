package fr.cnfs.plumbing.idempotency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.plumbing.problem.Problem;

/**
 * Makes {@link Idempotent} operations safe to retry. The key is scoped to the caller (the token's subject), so one
 * partner cannot replay another's response. Successful and refused (4xx) answers are replayed; a server error frees
 * the key for a new attempt.
 */
@Provider
@Idempotent
public class IdempotencyFilter implements ContainerRequestFilter, ContainerResponseFilter {

    private static final String CLAIMED = IdempotencyFilter.class.getName() + ".claimed";
    private static final int MAX_KEY_LENGTH = 200;
    private static final List<String> REPLAYED_HEADERS = List.of(HttpHeaders.LOCATION, HttpHeaders.ETAG);

    private final IdempotencyStore store;
    private final ObjectMapper objectMapper;

    IdempotencyFilter(IdempotencyStore store, ObjectMapper objectMapper) {
        this.store = store;
        this.objectMapper = objectMapper;
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(Idempotent.HEADER);
        if (key == null) {
            return;
        }
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            request.abortWith(problem(request, 400, "invalid-idempotency-key", "Invalid request",
                    Idempotent.HEADER + " must be 1 to " + MAX_KEY_LENGTH + " visible ASCII characters"));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readAllBytes() : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String caller = callerOf(request);
        String hash = hash(request.getMethod(), request.getUriInfo().getPath(), body);

        var existing = store.claim(caller, key, hash);
        if (existing.isEmpty()) {
            request.setProperty(CLAIMED, new Claim(caller, key));
            return;
        }
        var record = existing.get();
        if (!record.requestHash().equals(hash)) {
            request.abortWith(problem(request, 422, "idempotency-key-reused", "Refused by a business rule",
                    "this " + Idempotent.HEADER + " was already used for a different request"));
        } else if (!record.isCompleted()) {
            request.abortWith(problem(request, 409, "idempotency-key-in-progress", "Conflict with the current state",
                    "a request with this " + Idempotent.HEADER + " is still being processed; retry shortly"));
        } else {
            request.abortWith(replay(record));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) throws IOException {
        if (!(request.getProperty(CLAIMED) instanceof Claim claim)) {
            return;
        }
        if (response.getStatus() >= 500) {
            store.release(claim.caller(), claim.key());
            return;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String name : REPLAYED_HEADERS) {
            Object value = response.getHeaders().getFirst(name);
            if (value != null) {
                headers.put(name, value.toString());
            }
        }
        if (response.getMediaType() != null) {
            headers.put(HttpHeaders.CONTENT_TYPE, response.getMediaType().toString());
        }
        String body = response.hasEntity() ? objectMapper.writeValueAsString(response.getEntity()) : null;
        store.complete(claim.caller(), claim.key(), response.getStatus(), body, objectMapper.writeValueAsString(headers));
    }

    private Response replay(IdempotencyStore.Existing record) throws JsonProcessingException {
        Response.ResponseBuilder builder = Response.status(record.status()).header(Idempotent.REPLAYED_HEADER, "true");
        Map<String, String> headers = record.headers() == null ? Map.of()
                : objectMapper.readValue(record.headers(), new TypeReference<Map<String, String>>() {
                });
        headers.forEach((name, value) -> {
            if (name.equals(HttpHeaders.CONTENT_TYPE)) {
                builder.type(value);
            } else {
                builder.header(name, value);
            }
        });
        if (record.body() != null) {
            builder.entity(record.body());
        }
        return builder.build();
    }

    private static Response problem(ContainerRequestContext request, int status, String kind, String title,
            String detail) {
        var violations = status == 400 ? java.util.List.of(new Problem.Violation(Idempotent.HEADER, detail)) : null;
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:cnfs:problem:" + kind, title, status, detail,
                        "/" + request.getUriInfo().getPath().replaceFirst("^/", ""), violations))
                .build();
    }

    private static String callerOf(ContainerRequestContext request) {
        var principal = request.getSecurityContext().getUserPrincipal();
        return principal == null || principal.getName() == null ? "anonymous" : principal.getName();
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            digest.update(body);
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Claim(String caller, String key) {
    }
}
