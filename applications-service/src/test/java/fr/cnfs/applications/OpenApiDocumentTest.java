package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.plumbing.openapi.OpenApiDocumentRules;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A front-end team builds on the OpenAPI document alone and generates its client from it: every operation is named,
 * tagged, described and exemplified, and the document stored in openapi/ is the one the service serves.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class OpenApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of(
            "POST /structures", "GET /structures", "GET /structures/{id}", "PATCH /structures/{id}",
            "POST /campaigns", "GET /campaigns", "GET /campaigns/{id}", "GET /campaigns/{id}/reconciliation",
            "POST /applications", "GET /applications", "GET /applications/export", "GET /applications/{id}",
            "PATCH /applications/{id}", "GET /applications/{id}/history", "POST /applications/{id}/submit",
            "POST /applications/{id}/resubmit", "POST /applications/{id}/withdraw",
            "POST /applications/{id}/start-review", "POST /applications/{id}/request-changes",
            "POST /applications/{id}/approve", "POST /applications/{id}/reject",
            "POST /applications/{id}/prefect-opinion", "POST /applications/{id}/comments",
            "GET /applications/{id}/comments",
            // Shared by every service (cnfs-service-plumbing): partner webhooks, dead letters and reconciliation.
            "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "DELETE /webhooks/{id}",
            "GET /webhooks/{id}/deliveries", "GET /admin/dead-letters", "POST /admin/dead-letters/{eventKey}/replay",
            "GET /admin/reconciliation/campaigns/{campaignId}");

    /** Operations anyone may call without a token. */
    private static final Set<String> PUBLIC = Set.of();

    @Test
    void everyOperationIsNamedTaggedDescribedAndExemplified() {
        JsonNode document = served();
        assertEquals("bearer", document.path("components").path("securitySchemes").path("bearer").path("scheme")
                .asText());
        assertEquals(new TreeSet<>(OPERATIONS), OpenApiDocumentRules.operations(document));
        assertEquals(List.of(), OpenApiDocumentRules.defects(document, PUBLIC));
    }

    @Test
    void everyCommandOnAnApplicationDocumentsItsIllegalTransition() {
        JsonNode paths = served().path("paths");
        List<String> missing = new java.util.ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/applications/{id}/") && !path.endsWith("/comments") && !path.endsWith("/history")
                    && !paths.path(path).path("post").path("responses").has("409")) {
                missing.add("POST " + path);
            }
        });
        if (!paths.path("/applications/{id}").path("patch").path("responses").has("409")) {
            missing.add("PATCH /applications/{id}");
        }
        assertEquals(List.of(), missing);
    }

    @Test
    void theStoredDocumentIsTheServedOne() {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        String yaml = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertNull(OpenApiDocumentRules.storedDocumentMismatch(json, yaml, "applications-service"));
    }

    private static JsonNode served() {
        return OpenApiDocumentRules.parse(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }
}
