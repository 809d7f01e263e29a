package fr.cnfs.plumbing.problem;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An RFC 9457 problem document, as every error of every service is answered. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details")
public record Problem(
        @Schema(description = "Identifies the kind of problem", examples = "urn:cnfs:problem:validation")
        String type,
        @Schema(description = "Short summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "HTTP status", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request", examples = "postsRequested: must be between 1 and 50")
        String detail,
        @Schema(description = "The request path", examples = "/applications")
        String instance,
        @Schema(description = "One entry per invalid field, for validation problems")
        List<Violation> violations) {

    public static final String MEDIA_TYPE = "application/problem+json";
    static final String TYPE_PREFIX = "urn:cnfs:problem:";

    public record Violation(
            @Schema(examples = "postsRequested") String field,
            @Schema(examples = "must be less than or equal to 50") String message) {
    }
}
