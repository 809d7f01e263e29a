package fr.cnfs.funding.api;

import org.jboss.resteasy.reactive.RestResponse;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/** The entity version as a strong ETag ({@code "3"}), and the version an {@code If-Match} header expects. */
final class EntityTags {

    private EntityTags() {
    }

    static <T> RestResponse<T> withTag(T body, long version) {
        return RestResponse.ResponseBuilder.ok(body).header("ETag", "\"" + version + "\"").build();
    }

    /** Null when there is no precondition ({@code If-Match} absent or {@code *}). */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        tag = tag.replace("\"", "");
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be the ETag of the resource, e.g. \"3\"");
        }
    }
}
