package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.CONTRACT;
import static fr.cnfs.placement.Fixtures.adviser;
import static fr.cnfs.placement.Fixtures.command;
import static fr.cnfs.placement.Fixtures.finalized;
import static fr.cnfs.placement.Fixtures.match;
import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPost;
import static fr.cnfs.placement.Fixtures.profile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Who may see and do what on matches: every rule, allowed and denied. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class MatchSecurityTest {

    private static final String[] STRUCTURE_COMMANDS = { "shortlist", "decline", "recruit", "cancel-recruitment",
            "declare-rupture" };
    private static final String[] ADMIN_COMMANDS = { "finalize", "validate-rupture", "cancel-rupture" };

    private static ValidatableResponse create(String token, UUID postId, UUID conseillerId) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("postId", postId);
        body.put("conseillerId", conseillerId);
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/matches").then();
    }

    private static ValidatableResponse send(String token, UUID matchId, String command) {
        Object body = switch (command) {
            case "recruit" -> CONTRACT;
            case "declare-rupture" -> Map.of("date", Fixtures.today().toString(), "reason", "RESIGNATION");
            default -> Map.of();
        };
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/matches/" + matchId + "/" + command).then();
    }

    @Test
    void aStructureSeesAndActsOnItsOwnMatchesOnly() {
        String mine = newSiret();
        String other = newSiret();
        UUID postId = openPost(mine, "69123");
        UUID adviserId = adviser("69123", "COMMUNE");
        UUID matchId = match(mine, postId, adviserId);

        create(Tokens.structure(other), postId, adviser("69123", "COMMUNE")).statusCode(404);
        given().auth().oauth2(Tokens.structure(other)).when().get("/matches/" + matchId).then().statusCode(404);
        for (String command : STRUCTURE_COMMANDS) {
            send(Tokens.structure(other), matchId, command).statusCode(404);
        }
        given().auth().oauth2(Tokens.structure(other)).queryParam("postId", postId).when().get("/matches")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.structure(mine)).queryParam("postId", postId).when().get("/matches")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(matchId.toString()))
                .body("items.siret", everyItem(equalTo(mine)));
        given().auth().oauth2(Tokens.structure(mine)).when().get("/matches/" + matchId).then().statusCode(200)
                .header("ETag", equalTo("\"0\""));

        // The admin-only commands are refused to the structure by role, before any state check.
        send(Tokens.structure(mine), matchId, "shortlist").statusCode(200);
        send(Tokens.structure(mine), matchId, "recruit").statusCode(200);
        for (String command : ADMIN_COMMANDS) {
            send(Tokens.structure(mine), matchId, command).statusCode(403);
        }
        given().auth().oauth2(Tokens.admin()).when().get("/matches/" + matchId).then().body("state",
                equalTo("RECRUITED"));
    }

    @Test
    void anAdviserSeesTheMatchesThatConcernItAndActsOnNone() {
        String subject = "conseiller-" + UUID.randomUUID();
        String adviserToken = Tokens.conseiller(subject);
        UUID adviserId = UUID.fromString(given().auth().oauth2(adviserToken).contentType(ContentType.JSON)
                .body(profile("69123", "COMMUNE", "2024-01-01")).when().post("/conseillers").then().statusCode(201)
                .extract().path("id"));
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID mine = match(siret, postId, adviserId);
        UUID someoneElses = match(siret, postId, adviser("69123", "COMMUNE"));

        given().auth().oauth2(adviserToken).when().get("/matches/" + mine).then().statusCode(200)
                .body("structureName", equalTo("Structure Lyon"));
        given().auth().oauth2(adviserToken).when().get("/matches/" + someoneElses).then().statusCode(404);
        given().auth().oauth2(adviserToken).when().get("/matches").then().statusCode(200)
                .body("items.id", contains(mine.toString()));
        given().auth().oauth2(adviserToken).queryParam("conseillerId", UUID.randomUUID()).when().get("/matches")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.conseiller("never-registered")).when().get("/matches").then().statusCode(200)
                .body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.conseiller("never-registered")).when().get("/matches/" + mine).then()
                .statusCode(404);

        create(adviserToken, postId, adviserId).statusCode(403);
        for (String command : STRUCTURE_COMMANDS) {
            send(adviserToken, mine, command).statusCode(403);
        }
        for (String command : ADMIN_COMMANDS) {
            send(adviserToken, mine, command).statusCode(403);
        }
        given().auth().oauth2(adviserToken).when().get("/posts/" + postId + "/candidates").then().statusCode(403);
    }

    @Test
    void otherRolesHaveNoAccessAndAnAdminHasAll() {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID adviserId = adviser("69123", "COMMUNE");
        UUID matchId = UUID.fromString(create(Tokens.admin(), postId, adviserId).statusCode(201).extract().path("id"));

        for (String token : new String[] { Tokens.instructeur(), Tokens.finance(), Tokens.prefet("69") }) {
            given().auth().oauth2(token).when().get("/matches").then().statusCode(403);
            given().auth().oauth2(token).when().get("/matches/" + matchId).then().statusCode(403);
            create(token, postId, adviserId).statusCode(403);
            send(token, matchId, "shortlist").statusCode(403);
            send(token, matchId, "finalize").statusCode(403);
        }
        given().when().get("/matches/" + matchId).then().statusCode(401);
        given().auth().oauth2("not-a-token").when().get("/matches").then().statusCode(401);

        given().auth().oauth2(Tokens.admin()).queryParam("conseillerId", adviserId).when().get("/matches")
                .then().statusCode(200).body("items.id", contains(matchId.toString()));
        given().auth().oauth2(Tokens.admin()).queryParam("state", "NOPE").when().get("/matches").then().statusCode(400);
        for (String command : new String[] { "shortlist", "recruit" }) {
            send(Tokens.admin(), matchId, command).statusCode(200);
        }
        send(Tokens.admin(), matchId, "finalize").statusCode(200);
        send(Tokens.admin(), matchId, "declare-rupture").statusCode(200);
        send(Tokens.admin(), matchId, "cancel-rupture").statusCode(200).body("state", equalTo("FINALIZED"));
    }

    @Test
    void creatingAMatchFollowsThePostAndTheAdviser() {
        String siret = newSiret();
        String structure = Tokens.structure(siret);
        UUID postId = openPost(siret, "69123");

        create(structure, UUID.randomUUID(), adviser("69123", "COMMUNE")).statusCode(404);
        create(structure, postId, UUID.randomUUID()).statusCode(404);
        create(structure, postId, adviser("13055", "DEPARTEMENT")).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:adviser-out-of-reach"));
        create(structure, postId, adviser("97120", "NATIONAL")).statusCode(422);
        create(structure, postId, adviser("13055", "NATIONAL")).statusCode(201).body("proximity", equalTo("NATIONAL"));

        UUID unavailable = adviser("69123", "COMMUNE");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(Map.of("status", "UNAVAILABLE"))
                .when().patch("/conseillers/" + unavailable).then().statusCode(200);
        create(structure, postId, unavailable).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:conseiller-not-available"));

        UUID adviserId = adviser("69123", "COMMUNE");
        UUID first = match(siret, postId, adviserId);
        create(structure, postId, adviserId).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:match-one-open-per-pair"));
        command(structure, first, "decline", 200);
        create(structure, postId, adviserId).statusCode(201);

        // A retry with the same Idempotency-Key answers the match the first request created.
        UUID another = adviser("69123", "COMMUNE");
        String key = UUID.randomUUID().toString();
        String created = given().auth().oauth2(structure).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("postId", postId, "conseillerId", another)).when().post("/matches").then()
                .statusCode(201).extract().path("id");
        given().auth().oauth2(structure).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(Map.of("postId", postId, "conseillerId", another)).when().post("/matches").then()
                .statusCode(201).body("id", equalTo(created));

        create(structure, postId, null).statusCode(400);
        given().auth().oauth2(structure).contentType(ContentType.JSON).body("{\"postId\": 12}").when()
                .post("/matches").then().statusCode(400);
    }

    @Test
    void commandsHonourIfMatch() {
        String siret = newSiret();
        UUID matchId = match(siret, openPost(siret, "69123"), adviser("69123", "COMMUNE"));
        given().auth().oauth2(Tokens.structure(siret)).header("If-Match", "\"3\"").contentType(ContentType.JSON)
                .body("{}").when().post("/matches/" + matchId + "/shortlist").then().statusCode(412);
        given().auth().oauth2(Tokens.structure(siret)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{}").when().post("/matches/" + matchId + "/shortlist").then().statusCode(200)
                .body("version", equalTo(1));
        given().auth().oauth2(Tokens.structure(siret)).header("If-Match", "yesterday").contentType(ContentType.JSON)
                .body("{}").when().post("/matches/" + matchId + "/decline").then().statusCode(400);
        // The version read before the shortlist is stale now: refused, and the match is left as it was.
        given().auth().oauth2(Tokens.structure(siret)).header("If-Match", "\"0\"").contentType(ContentType.JSON)
                .body("{}").when().post("/matches/" + matchId + "/decline").then().statusCode(412)
                .body("detail", equalTo("the match is at version 1, not 0"));
        given().auth().oauth2(Tokens.structure(siret)).when().get("/matches/" + matchId).then()
                .body("state", equalTo("SHORTLISTED")).body("version", equalTo(1));
        // Another structure learns nothing about the match, not even its version.
        given().auth().oauth2(Tokens.structure(newSiret())).header("If-Match", "\"1\"").contentType(ContentType.JSON)
                .body("{}").when().post("/matches/" + matchId + "/decline").then().statusCode(404);

        UUID finalizedId = finalized(siret, openPost(siret, "69123"), adviser("69123", "COMMUNE"));
        given().auth().oauth2(Tokens.admin()).when().get("/matches/" + finalizedId).then()
                .body("state", equalTo("FINALIZED"));
    }
}
