package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.DevstackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** A front-end team builds on the OpenAPI document alone: every operation is tagged, summarized and exemplified. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class OpenApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of(
            "POST /structures", "GET /structures", "GET /structures/{id}", "PATCH /structures/{id}",
            "POST /campaigns", "GET /campaigns", "GET /campaigns/{id}",
            "POST /applications", "GET /applications", "GET /applications/export", "GET /applications/{id}",
            "PATCH /applications/{id}", "GET /applications/{id}/history", "POST /applications/{id}/submit",
            "POST /applications/{id}/resubmit", "POST /applications/{id}/withdraw",
            "POST /applications/{id}/start-review", "POST /applications/{id}/request-changes",
            "POST /applications/{id}/approve", "POST /applications/{id}/reject",
            "POST /applications/{id}/prefect-opinion", "POST /applications/{id}/comments",
            "GET /applications/{id}/comments",
            // Shared by every service (cnfs-service-plumbing): partner webhooks and dead-letter operations.
            "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "DELETE /webhooks/{id}",
            "GET /webhooks/{id}/deliveries", "GET /admin/dead-letters", "POST /admin/dead-letters/{eventKey}/replay",
            "GET /admin/reconciliation/campaigns/{campaignId}", "GET /campaigns/{id}/reconciliation");

    @Test
    void everyOperationHasItsTagSummaryExamplesAndProblemResponses() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode components = document.get("components");
        assertEquals("bearer", components.get("securitySchemes").get("bearer").get("scheme").asText());

        Set<String> found = new TreeSet<>();
        List<String> defects = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.get("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> operations = path.getValue().fields(); operations.hasNext();) {
                var entry = operations.next();
                if (entry.getKey().equals("parameters")) {
                    continue;
                }
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonNode operation = entry.getValue();
                found.add(name);
                if (!operation.path("tags").isArray() || operation.path("tags").isEmpty()) {
                    defects.add(name + ": no tag");
                }
                if (operation.path("summary").asText().isBlank()) {
                    defects.add(name + ": no summary");
                }
                if (operation.path("security").isEmpty()) {
                    defects.add(name + ": no security requirement");
                }
                if (operation.has("requestBody") && !hasExamples(operation.get("requestBody").path("content"))) {
                    defects.add(name + ": request body without example");
                }
                JsonNode responses = operation.get("responses");
                boolean successExample = false;
                Set<String> errors = new TreeSet<>();
                for (Iterator<Map.Entry<String, JsonNode>> codes = responses.fields(); codes.hasNext();) {
                    var code = codes.next();
                    JsonNode response = resolve(code.getValue(), components);
                    if (code.getKey().equals("204")) {
                        successExample = true;
                    } else if (code.getKey().startsWith("2")) {
                        successExample |= hasExamples(response.path("content"));
                    } else if (code.getKey().startsWith("4")) {
                        errors.add(code.getKey());
                        if (!response.path("content").has("application/problem+json")
                                || !hasExamples(response.path("content"))) {
                            defects.add(name + ": " + code.getKey() + " is not an exemplified problem document");
                        }
                    }
                }
                if (!successExample) {
                    defects.add(name + ": no success example");
                }
                if (!errors.containsAll(Set.of("401", "403"))) {
                    defects.add(name + ": 401 and 403 not documented, only " + errors);
                }
                if (path.getKey().contains("{") && !errors.contains("404")) {
                    defects.add(name + ": 404 not documented");
                }
                if ((name.startsWith("POST /applications/{id}/") && !name.endsWith("comments")
                        || name.equals("PATCH /applications/{id}")) && !errors.contains("409")) {
                    defects.add(name + ": illegal transition (409) not documented");
                }
            }
        }
        found.removeIf(operation -> operation.contains(" /q/"));
        assertEquals(new TreeSet<>(OPERATIONS), found);
        assertTrue(defects.isEmpty(), String.join("\n", defects));
    }

    private static JsonNode resolve(JsonNode response, JsonNode components) {
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            return components.get("responses").get(name);
        }
        return response;
    }

    private static boolean hasExamples(JsonNode content) {
        for (JsonNode media : content) {
            if (media.has("examples") && !media.get("examples").isEmpty() || media.has("example")) {
                return true;
            }
        }
        return false;
    }
}
