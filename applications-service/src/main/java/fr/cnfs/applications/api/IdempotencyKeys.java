package fr.cnfs.applications.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/** The {@code Idempotency-Key} header of creation requests, and the fingerprint that tells a retry from a new request. */
@ApplicationScoped
class IdempotencyKeys {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED_HEADER = "Idempotent-Replayed";
    static final String DESCRIPTION = "Optional. A retry with the same key (same caller, same request) returns what "
            + "the first call created instead of creating it twice. 1 to 100 characters: letters, digits, '-', '_', "
            + "'.', ':'.";

    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private final ObjectMapper objectMapper;

    IdempotencyKeys(ObjectMapper objectMapper) {
        this.objectMapper = objectMapper;
    }

    /** The key, or null when absent; a malformed key is a 400. */
    String check(String key) {
        if (key == null) {
            return null;
        }
        if (!KEY.matcher(key).matches()) {
            throw new InvalidRequestException(HEADER, "must be 1 to 100 letters, digits, '-', '_', '.' or ':'");
        }
        return key;
    }

    /** SHA-256 of the operation and the request as JSON. */
    String fingerprint(String operation, Object request) {
        try {
            byte[] json = objectMapper.writeValueAsBytes(request);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            return HexFormat.of().formatHex(digest.digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("Cannot fingerprint the request", e);
        }
    }
}
