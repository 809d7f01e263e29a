package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class ApplicationResourceTest {

    static final String LYON_SIRET = "21690123100011";

    static Map<String, Object> lyonApplication(int posts) {
        return Map.of(
                "structure", Map.of("siret", LYON_SIRET, "name", "Commune de Lyon", "type", "COMMUNE",
                        "communeCode", "69123", "qpv", false, "zrr", false),
                "postsRequested", posts,
                "contractMonths", 24);
    }

    @Test
    void anApprovedApplicationEmitsApplicationApprovedWithOnePostIdPerGrantedPost() throws Exception {
        String id = given().auth().oauth2(Tokens.structure(LYON_SIRET)).contentType(ContentType.JSON)
                .body(lyonApplication(3))
                .when().post("/applications")
                .then().statusCode(201)
                .body("status", equalTo("DRAFT"))
                .body("category", equalTo("PUBLIC"))
                .body("departementCode", equalTo("69"))
                .body("regionCode", equalTo("84"))
                .body("territoryZone", equalTo("METRO"))
                .extract().path("id");

        given().auth().oauth2(Tokens.structure(LYON_SIRET)).when().post("/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED"));
        given().auth().oauth2(Tokens.instructeur()).when().post("/applications/" + id + "/start-review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        List<String> postIds = given().auth().oauth2(Tokens.instructeur()).contentType(ContentType.JSON)
                .body(Map.of("postsGranted", 2, "decisionNumber", "COSELEC 1"))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("postIds", hasSize(2))
                .extract().path("postIds");

        var record = TopicProbe.onDevstack().await(Topics.APPLICATIONS, r -> id.equals(r.key()), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(ApplicationApproved.TYPE, TopicProbe.header(record, "ce_type"));
        JsonNode event = new ObjectMapper().readTree(record.value());
        assertEquals(2, event.get("postsGranted").asInt());
        assertEquals(postIds, List.of(event.get("postIds").get(0).asText(), event.get("postIds").get(1).asText()));
        assertEquals("PUBLIC", event.get("structure").get("category").asText());
        assertEquals("69", event.get("structure").get("territoryCode").asText());
    }

    @Test
    void anIllegalTransitionIsAConflictAndChangesNothing() {
        String id = given().auth().oauth2(Tokens.structure(LYON_SIRET)).contentType(ContentType.JSON)
                .body(lyonApplication(1)).when().post("/applications").then().statusCode(201).extract().path("id");
        given().auth().oauth2(Tokens.instructeur()).contentType(ContentType.JSON)
                .body(Map.of("postsGranted", 1, "decisionNumber", "COSELEC 2"))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:illegal-transition"));
        given().auth().oauth2(Tokens.instructeur()).when().get("/applications/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("postIds", hasSize(0));
    }

    @Test
    void invalidInputIsAProblemWithViolations() {
        given().auth().oauth2(Tokens.structure(LYON_SIRET)).contentType(ContentType.JSON)
                .body(Map.of("structure", Map.of("siret", LYON_SIRET, "name", "Lyon", "type", "COMMUNE",
                        "communeCode", "69123"), "postsRequested", 51, "contractMonths", 24))
                .when().post("/applications")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("postsRequested"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("structure", Map.of("siret", LYON_SIRET, "name", "Lyon", "type", "COMMUNE",
                        "communeCode", "99999"), "postsRequested", 1, "contractMonths", 24))
                .when().post("/applications")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:unknown-commune"));
    }

    @Test
    void callersSeeOnlyWhatTheirRoleAndSiretAllow() {
        String id = given().auth().oauth2(Tokens.structure(LYON_SIRET)).contentType(ContentType.JSON)
                .body(lyonApplication(1)).when().post("/applications").then().statusCode(201).extract().path("id");
        given().when().get("/applications/" + id).then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").when().get("/applications/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.finance()).when().get("/applications/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.structure("21130055300016")).when().get("/applications/" + id)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.structure(LYON_SIRET)).when().get("/applications/" + id).then().statusCode(200);
        given().auth().oauth2(Tokens.structure("21130055300016")).contentType(ContentType.JSON)
                .body(lyonApplication(1)).when().post("/applications").then().statusCode(403);
    }
}
