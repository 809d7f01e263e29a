package fr.cnfs.funding;

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
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class OpenApiDocumentTest {

    private static final Set<String> OPERATIONS = Set.of(
            "GET /admin/parked-events", "GET /admin/tranche-evaluations", "POST /admin/tranche-evaluations",
            "GET /funding-rules", "GET /funding-rules/{phase}", "POST /funding-simulations", "GET /grants",
            "GET /grants/{id}", "GET /grants/{id}/statement", "GET /recoveries", "GET /recoveries/{id}",
            "POST /recoveries/{id}/settlement", "GET /reports/budget", "GET /tranches", "GET /tranches/{id}",
            "POST /tranches/{id}/payment",
            // Shared by every service (cnfs-service-plumbing): partner webhooks, dead letters and reconciliation.
            "POST /webhooks", "GET /webhooks", "GET /webhooks/{id}", "DELETE /webhooks/{id}",
            "GET /webhooks/{id}/deliveries", "GET /admin/dead-letters", "POST /admin/dead-letters/{eventKey}/replay",
            "GET /admin/reconciliation/campaigns/{campaignId}");

    /** Operations anyone may call without a token. */
    private static final Set<String> PUBLIC = Set.of("GET /funding-rules", "GET /funding-rules/{phase}",
            "POST /funding-simulations");

    @Test
    void everyOperationIsNamedTaggedDescribedAndExemplified() {
        JsonNode document = served();
        assertEquals("bearer", document.path("components").path("securitySchemes").path("bearer").path("scheme")
                .asText());
        assertEquals(new TreeSet<>(OPERATIONS), OpenApiDocumentRules.operations(document));
        assertEquals(List.of(), OpenApiDocumentRules.defects(document, PUBLIC));
    }

    @Test
    void theStoredDocumentIsTheServedOne() {
        String json = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        String yaml = given().queryParam("format", "yaml").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        assertNull(OpenApiDocumentRules.storedDocumentMismatch(json, yaml, "funding-service"));
    }

    private static JsonNode served() {
        return OpenApiDocumentRules.parse(given().queryParam("format", "json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
    }
}
