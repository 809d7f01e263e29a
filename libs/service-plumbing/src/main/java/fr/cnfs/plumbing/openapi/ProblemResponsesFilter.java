package fr.cnfs.plumbing.openapi;

import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import fr.cnfs.plumbing.problem.Problem;

/**
 * Documents the problem responses every operation shares, the same way in every service: 401 and 403 on secured
 * operations, 404 where the path names a resource, 400 where the request carries input. An operation's own
 * documentation of a code wins; a code documented without content gets the problem schema and an example.
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private static final Map<String, String[]> STANDARD = Map.of(
            "400", new String[] { "Malformed or invalid input; violations name each field", """
                    {"type": "urn:cnfs:problem:validation", "title": "Invalid request", "status": 400,
                     "detail": "size: must be less than or equal to 100", "instance": "/resource",
                     "violations": [{"field": "size", "message": "must be less than or equal to 100"}]}""" },
            "401", new String[] { "No valid bearer token", """
                    {"type": "urn:cnfs:problem:unauthenticated", "title": "Unauthorized", "status": 401,
                     "detail": "a valid bearer token is required", "instance": "/resource"}""" },
            "403", new String[] { "The caller's role does not allow this operation", """
                    {"type": "urn:cnfs:problem:forbidden", "title": "Forbidden", "status": 403,
                     "detail": "your role does not allow this operation", "instance": "/resource"}""" },
            "404", new String[] { "No such resource, or not one the caller may see", """
                    {"type": "urn:cnfs:problem:not-found", "title": "Resource not found", "status": 404,
                     "detail": "Resource 5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11 not found",
                     "instance": "/resource/5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11"}""" });

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (path.startsWith("/q/")) {
                return;
            }
            item.getOperations().forEach((method, operation) -> document(path, method, operation, openAPI));
        });
    }

    private void document(String path, PathItem.HttpMethod method, Operation operation, OpenAPI openAPI) {
        APIResponses responses = operation.getResponses();
        if (responses == null) {
            responses = OASFactory.createAPIResponses();
            operation.setResponses(responses);
        }
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                || operation.getSecurity() == null && openAPI.getSecurity() != null && !openAPI.getSecurity().isEmpty();
        if (secured) {
            ensure(responses, "401");
            ensure(responses, "403");
        }
        if (path.contains("{")) {
            ensure(responses, "404");
        }
        boolean hasInput = operation.getRequestBody() != null
                || operation.getParameters() != null && !operation.getParameters().isEmpty();
        if (hasInput) {
            ensure(responses, "400");
        }
        // Problem responses an operation documented briefly get the problem schema and, if it has none, an example.
        responses.getAPIResponses().forEach((code, response) -> {
            if (!(code.startsWith("4") || code.startsWith("5")) || response.getRef() != null) {
                return;
            }
            String example = STANDARD.containsKey(code) ? STANDARD.get(code)[1] : null;
            if (response.getContent() == null || response.getContent().getMediaTypes().isEmpty()) {
                response.setContent(problemContent(example));
                return;
            }
            var mediaType = response.getContent().getMediaType(Problem.MEDIA_TYPE);
            if (mediaType != null && example != null && mediaType.getExample() == null
                    && (mediaType.getExamples() == null || mediaType.getExamples().isEmpty())) {
                mediaType.addExample("problem", OASFactory.createExample().value(parse(example)));
            }
        });
    }

    private void ensure(APIResponses responses, String code) {
        if (responses.hasAPIResponse(code)) {
            return;
        }
        String[] standard = STANDARD.get(code);
        APIResponse response = OASFactory.createAPIResponse().description(standard[0])
                .content(problemContent(standard[1]));
        responses.addAPIResponse(code, response);
    }

    private static Content problemContent(String example) {
        var mediaType = OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA));
        if (example != null) {
            mediaType.addExample("problem", OASFactory.createExample().value(parse(example)));
        }
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, mediaType);
    }

    private static Object parse(String json) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readValue(json, Object.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("Invalid example " + json, e);
        }
    }
}
