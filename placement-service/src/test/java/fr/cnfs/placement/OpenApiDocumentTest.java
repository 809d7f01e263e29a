package fr.cnfs.placement;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.cnfs.devstack.DevstackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every operation of the document has a tag, a summary and its error responses as problem documents. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class OpenApiDocumentTest {

    @Test
    void everyOperationIsDocumented() {
        JsonNode document = Fixtures.read(given().accept("application/json").when().get("/q/openapi")
                .then().statusCode(200).extract().asString());
        List<String> problems = new ArrayList<>();
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                var method = methods.next();
                JsonNode operation = method.getValue();
                String name = method.getKey().toUpperCase() + " " + path.getKey();
                operations++;
                if (operation.path("tags").isEmpty()) {
                    problems.add(name + ": no tag");
                }
                if (operation.path("summary").asText().isBlank()) {
                    problems.add(name + ": no summary");
                }
                boolean documentedError = false;
                for (Iterator<Map.Entry<String, JsonNode>> responses = operation.path("responses").fields();
                        responses.hasNext();) {
                    var response = responses.next();
                    if (response.getKey().startsWith("4")) {
                        documentedError = true;
                        if (!response.getValue().path("content").has("application/problem+json")) {
                            problems.add(name + ": " + response.getKey() + " is not a problem document");
                        }
                    }
                }
                if (!documentedError) {
                    problems.add(name + ": no error response");
                }
            }
        }
        assertTrue(operations >= 20, "only " + operations + " operations");
        assertEquals(List.of(), problems);
    }
}
