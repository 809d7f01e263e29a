package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.adviser;
import static fr.cnfs.placement.Fixtures.awaitEvent;
import static fr.cnfs.placement.Fixtures.command;
import static fr.cnfs.placement.Fixtures.events;
import static fr.cnfs.placement.Fixtures.finalized;
import static fr.cnfs.placement.Fixtures.match;
import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPost;
import static fr.cnfs.placement.Fixtures.openPosts;
import static fr.cnfs.placement.Fixtures.recruited;
import static fr.cnfs.placement.Fixtures.shortlisted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class PostResourceTest {

    private static ValidatableResponse list(String token, String... filters) {
        var request = given().auth().oauth2(token).queryParam("size", 100);
        for (int i = 0; i < filters.length; i += 2) {
            request = request.queryParam(filters[i], filters[i + 1]);
        }
        return request.when().get("/posts").then();
    }

    private static ValidatableResponse returnPost(String token, UUID postId) {
        return given().auth().oauth2(token).when().post("/posts/" + postId + "/return").then();
    }

    @Test
    void postsAreFilteredBySiretStateTerritoryAndOverdue() {
        String lozere = newSiret();
        String guadeloupe = newSiret();
        // Decided in 2021: the 3-month deadline is long past, so the vacant ones are overdue.
        List<UUID> old = openPosts(lozere, "48095", 2, Instant.parse("2021-03-15T10:00:00Z"));
        UUID recent = openPost(lozere, "48095");
        UUID overseas = openPost(guadeloupe, "97120");
        finalized(lozere, old.get(1), adviser("48095", "COMMUNE"));

        list(Tokens.admin(), "siret", lozere).statusCode(200).body("totalItems", equalTo(3));
        list(Tokens.admin(), "siret", lozere, "overdue", "true").statusCode(200)
                .body("items.id", containsInAnyOrder(old.get(0).toString()))
                .body("items[0].overdue", equalTo(true))
                .body("items[0].recruitmentDeadline", equalTo("2021-06-15"));
        list(Tokens.admin(), "siret", lozere, "overdue", "false").statusCode(200)
                .body("items.id", containsInAnyOrder(old.get(1).toString(), recent.toString()));
        list(Tokens.admin(), "siret", lozere, "state", "OCCUPIED").statusCode(200)
                .body("items.id", containsInAnyOrder(old.get(1).toString()));
        list(Tokens.admin(), "departement", "48", "size", "100").statusCode(200)
                .body("items.id", hasItem(recent.toString())).body("items.departementCode", everyItem(equalTo("48")));
        list(Tokens.admin(), "region", "76").statusCode(200)
                .body("items.id", hasItem(recent.toString())).body("items.regionCode", everyItem(equalTo("76")));
        list(Tokens.admin(), "zone", "DROM").statusCode(200)
                .body("items.id", hasItem(overseas.toString())).body("items.id", not(hasItem(recent.toString())))
                .body("items.territoryZone", everyItem(equalTo("DROM")));
        list(Tokens.instructeur(), "zone", "METRO", "region", "76", "state", "VACANT").statusCode(200)
                .body("items.id", hasItem(recent.toString())).body("items.id", not(hasItem(overseas.toString())));

        // A structure sees its own posts only, whatever it asks.
        list(Tokens.structure(lozere)).statusCode(200).body("totalItems", equalTo(3));
        list(Tokens.structure(guadeloupe), "departement", "48").statusCode(200).body("items", empty());
        list(Tokens.structure(guadeloupe), "siret", lozere).statusCode(400);

        list(Tokens.admin(), "state", "FULL").statusCode(400).body("violations[0].field", equalTo("state"));
        list(Tokens.admin(), "overdue", "maybe").statusCode(400).body("violations[0].field", equalTo("overdue"));
        list(Tokens.admin(), "zone", "ATLANTIS").statusCode(400);
        list(Tokens.admin(), "applicationId", "not-a-uuid").statusCode(400);
        list(Tokens.admin(), "departement", "6900").statusCode(400);
        list(Tokens.admin(), "sort", "recruitmentDeadline,asc", "siret", lozere).statusCode(200)
                .body("items[2].id", equalTo(recent.toString()));
        list(Tokens.admin(), "sort", "recruitmentDeadline,desc", "siret", lozere).statusCode(200)
                .body("items[0].id", equalTo(recent.toString()));
        for (String denied : new String[] { Tokens.conseiller("c-" + UUID.randomUUID()), Tokens.finance(),
                Tokens.prefet("48") }) {
            list(denied).statusCode(403);
            given().auth().oauth2(denied).when().get("/posts/" + recent).then().statusCode(403);
        }
        given().when().get("/posts").then().statusCode(401);
    }

    @Test
    void aVacantPostIsReturnedForGoodAndPostReturnedIsEmitted() {
        String siret = newSiret();
        List<UUID> posts = openPosts(siret, "69123", 2, Instant.now());
        UUID postId = posts.get(0);
        UUID pending = match(siret, postId, adviser("69123", "COMMUNE"));
        UUID shortlisted = shortlisted(siret, postId, adviser("69123", "COMMUNE"));

        returnPost(Tokens.structure(newSiret()), postId).statusCode(404);
        returnPost(Tokens.instructeur(), postId).statusCode(403);
        returnPost(Tokens.conseiller("c-" + UUID.randomUUID()), postId).statusCode(403);
        given().auth().oauth2(Tokens.structure(siret)).header("If-Match", "\"7\"").when()
                .post("/posts/" + postId + "/return").then().statusCode(412);

        returnPost(Tokens.structure(siret), postId).statusCode(200)
                .body("state", equalTo("RETURNED"))
                .body("returnedOn", equalTo(Fixtures.today().toString()));
        JsonNode returned = awaitEvent(PostReturned.TYPE, postId, "postId", postId);
        assertEquals(Fixtures.today().toString(), returned.path("returnedOn").asText());
        String applicationId = given().auth().oauth2(Tokens.admin()).when().get("/posts/" + postId).then()
                .statusCode(200).extract().path("applicationId");
        assertEquals(applicationId, returned.path("applicationId").asText());

        for (UUID matchId : new UUID[] { pending, shortlisted }) {
            given().auth().oauth2(Tokens.admin()).when().get("/matches/" + matchId).then().statusCode(200)
                    .body("state", equalTo("OBSOLETE")).body("history[-1].detail", equalTo("the post was returned"));
        }
        // Final: no second return, no new match.
        returnPost(Tokens.admin(), postId).statusCode(409);
        given().auth().oauth2(Tokens.structure(siret)).contentType("application/json")
                .body(java.util.Map.of("postId", postId, "conseillerId", adviser("69123", "COMMUNE")))
                .when().post("/matches").then().statusCode(409).body("type", equalTo("urn:cnfs:problem:post-not-vacant"));
        assertEquals(1, events(PostReturned.TYPE, postId).size());

        // An admin may return a post too.
        returnPost(Tokens.admin(), posts.get(1)).statusCode(200).body("state", equalTo("RETURNED"));
    }

    @Test
    void aPostUnderContractOrWithARecruitmentInProgressCannotBeReturned() {
        String siret = newSiret();
        List<UUID> posts = openPosts(siret, "69123", 2, Instant.now());
        UUID matchId = recruited(siret, posts.get(0), adviser("69123", "COMMUNE"));
        returnPost(Tokens.structure(siret), posts.get(0)).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:recruitment-in-progress"));
        given().auth().oauth2(Tokens.admin()).when().get("/matches/" + matchId).then().body("state", equalTo("RECRUITED"));

        finalized(siret, posts.get(1), adviser("69123", "COMMUNE"));
        returnPost(Tokens.structure(siret), posts.get(1)).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:illegal-transition"));
        given().auth().oauth2(Tokens.structure(siret)).when().get("/posts/" + posts.get(1)).then().statusCode(200)
                .body("state", equalTo("OCCUPIED")).body("contracts[0].state", equalTo("ACTIVE"))
                .header("ETag", equalTo("\"1\""));

        command(Tokens.structure(siret), matchId, "cancel-recruitment", 200);
        returnPost(Tokens.structure(siret), posts.get(0)).statusCode(200);
    }
}
