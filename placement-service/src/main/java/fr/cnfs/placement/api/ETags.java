package fr.cnfs.placement.api;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/** The entity version as a strong ETag ({@code "3"}), and the If-Match header read back into a version. */
final class ETags {

    private ETags() {
    }

    static String of(long version) {
        return "\"" + version + "\"";
    }

    /** The version If-Match asks for; null when the header is absent or {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw new InvalidRequestException("If-Match", "must be an ETag returned by this API, e.g. \"3\"");
        }
    }
}
