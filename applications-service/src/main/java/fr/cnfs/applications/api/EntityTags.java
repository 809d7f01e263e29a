package fr.cnfs.applications.api;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.EntityTag;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/** The entity version as an ETag ({@code "3"}), and the version an {@code If-Match} header expects. */
final class EntityTags {

    private static final Pattern TAG = Pattern.compile("^(?:W/)?\"?(\\d{1,18})\"?$");

    private EntityTags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version {@code If-Match} names; null when absent or {@code *} (any version). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        Matcher matcher = TAG.matcher(ifMatch.strip());
        if (!matcher.matches()) {
            throw new InvalidRequestException("If-Match", "must be the ETag of a GET, such as \"3\"");
        }
        return Long.parseLong(matcher.group(1));
    }
}
