package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The prefect's opinion, comments and the audit history, and who sees which. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class ReviewRecordsTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void thePrefectsOpinionIsRecordedForTheStateAndHiddenFromTheStructure() {
        var lyon = Fixtures.lyon();
        String id = Fixtures.submitted(lyon, Fixtures.openCampaign(10), 2);
        as(Tokens.prefet("69")).body(Map.of("opinion", "FAVORABLE", "comment", "Besoin avéré."))
                .when().post("/applications/" + id + "/prefect-opinion")
                .then().statusCode(200)
                .body("status", equalTo("SUBMITTED"))
                .body("prefectOpinion.opinion", equalTo("FAVORABLE"))
                .body("prefectOpinion.givenBy", equalTo("prefet-69"));
        as(Tokens.instructeur()).when().post("/applications/" + id + "/start-review").then().statusCode(200);
        as(Tokens.prefet("69")).body(Map.of("opinion", "UNFAVORABLE", "comment", "Tout compte fait, non."))
                .when().post("/applications/" + id + "/prefect-opinion")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"))
                .body("prefectOpinion.opinion", equalTo("UNFAVORABLE"));

        given().auth().oauth2(Tokens.instructeur()).when().get("/applications/" + id)
                .then().body("prefectOpinion.opinion", equalTo("UNFAVORABLE"))
                .body("prefectOpinion.comment", equalTo("Tout compte fait, non."));
        given().auth().oauth2(Tokens.instructeur()).when().get("/applications/" + id + "/history")
                .then().body("items.action", equalTo(List.of("CREATE", "SUBMIT", "PREFECT_OPINION", "START_REVIEW",
                        "PREFECT_OPINION")))
                .body("items[2].comment", equalTo("FAVORABLE: Besoin avéré."))
                .body("items[2].actor.role", equalTo("prefet"));

        String seenByStructure = given().auth().oauth2(lyon.token()).when().get("/applications/" + id)
                .then().statusCode(200).body("prefectOpinion", nullValue()).extract().asString();
        assertFalse(seenByStructure.contains("Tout compte fait"), seenByStructure);
        given().auth().oauth2(lyon.token()).when().get("/applications/" + id + "/history")
                .then().body("items.action", equalTo(List.of("CREATE", "SUBMIT", "START_REVIEW")));
    }

    @Test
    void internalNotesAreNeverSeenByTheStructure() {
        var lyon = Fixtures.lyon();
        String id = Fixtures.underReview(lyon, Fixtures.openCampaign(10), 1);
        String path = "/applications/" + id + "/comments";
        as(Tokens.instructeur()).body(Map.of("kind", "MESSAGE", "body", "Pouvez-vous joindre la délibération ?"))
                .when().post(path).then().statusCode(201).body("kind", equalTo("MESSAGE"))
                .body("author.subject", equalTo("instructeur-dev")).body("author.role", equalTo("instructeur"));
        as(Tokens.instructeur()).body(Map.of("kind", "INTERNAL_NOTE", "body", "Secret : dossier fragile."))
                .when().post(path).then().statusCode(201).body("kind", equalTo("INTERNAL_NOTE"));
        as(lyon.token()).body(Map.of("kind", "MESSAGE", "body", "Délibération jointe."))
                .when().post(path).then().statusCode(201).body("author.role", equalTo("structure"));
        as(lyon.token()).body(Map.of("kind", "INTERNAL_NOTE", "body", "Je veux une note."))
                .when().post(path).then().statusCode(403);
        as(Tokens.prefet("69")).body(Map.of("kind", "INTERNAL_NOTE", "body", "Avis du sous-préfet joint."))
                .when().post(path).then().statusCode(201);

        given().auth().oauth2(Tokens.instructeur()).when().get(path)
                .then().statusCode(200).body("totalItems", equalTo(4))
                .body("items.kind", equalTo(List.of("MESSAGE", "INTERNAL_NOTE", "MESSAGE", "INTERNAL_NOTE")));
        given().auth().oauth2(Tokens.prefet("69")).when().get(path).then().body("totalItems", equalTo(4));
        String seenByStructure = given().auth().oauth2(lyon.token()).when().get(path)
                .then().statusCode(200).body("totalItems", equalTo(2))
                .body("items.kind", everyItem(equalTo("MESSAGE")))
                .body("items.body", equalTo(List.of("Pouvez-vous joindre la délibération ?", "Délibération jointe.")))
                .extract().asString();
        assertFalse(seenByStructure.contains("Secret"));
        given().auth().oauth2(lyon.token()).queryParam("sort", "createdAt,desc").when().get(path)
                .then().body("items[0].body", equalTo("Délibération jointe."));
        given().auth().oauth2(lyon.token()).when().get("/applications/" + id + "/history")
                .then().body("items.comment", not(hasItem("Secret : dossier fragile.")));
        as(Tokens.instructeur()).body(Map.of("kind", "MEMO", "body", "x")).when().post(path).then().statusCode(400);
        as(Tokens.instructeur()).body(Map.of("kind", "MESSAGE", "body", " ")).when().post(path).then().statusCode(400)
                .body("violations[0].field", equalTo("body"));
    }

    @Test
    void aRetriedCommentIsPostedOnce() {
        var lyon = Fixtures.lyon();
        String id = Fixtures.draft(lyon, Fixtures.openCampaign(10), 1, 24);
        String path = "/applications/" + id + "/comments";
        var message = Map.of("kind", "MESSAGE", "body", "Question sur le formulaire.");
        String first = as(lyon.token()).header("Idempotency-Key", "comment-" + id).body(message).when().post(path)
                .then().statusCode(201).extract().path("id");
        as(lyon.token()).header("Idempotency-Key", "comment-" + id).body(message).when().post(path)
                .then().statusCode(201).header("Idempotency-Replayed", equalTo("true")).body("id", equalTo(first));
        given().auth().oauth2(lyon.token()).when().get(path).then().body("totalItems", equalTo(1));
    }

    @Test
    void theHistoryListsEveryTransitionWithItsActorTimeStatusesAndComment() {
        var lyon = Fixtures.lyon();
        Instant start = Instant.now().minusSeconds(1);
        String id = Fixtures.draft(lyon, Fixtures.openCampaign(10), 3, 24);
        as(lyon.token()).body(Map.of("postsRequested", 2)).when().patch("/applications/" + id).then().statusCode(200);
        as(lyon.token()).when().post("/applications/" + id + "/submit").then().statusCode(200);
        as(Tokens.instructeur()).when().post("/applications/" + id + "/start-review").then().statusCode(200);
        as(Tokens.admin()).body(Map.of("postsGranted", 2, "decisionNumber", "COSELEC 5", "comment", "Dossier complet."))
                .when().post("/applications/" + id + "/approve").then().statusCode(200);

        var history = given().auth().oauth2(lyon.token()).when().get("/applications/" + id + "/history")
                .then().statusCode(200).body("totalItems", equalTo(5))
                .body("items.action", equalTo(List.of("CREATE", "UPDATE", "SUBMIT", "START_REVIEW", "APPROVE")))
                .body("items.from", equalTo(Arrays.asList(null, "DRAFT", "DRAFT", "SUBMITTED", "UNDER_REVIEW")))
                .body("items.to", equalTo(List.of("DRAFT", "DRAFT", "SUBMITTED", "UNDER_REVIEW", "APPROVED")))
                .body("items.actor.subject", equalTo(List.of("structure-" + lyon.siret(), "structure-" + lyon.siret(),
                        "structure-" + lyon.siret(), "instructeur-dev", "admin-dev")))
                .body("items.actor.role", equalTo(List.of("structure", "structure", "structure", "instructeur",
                        "admin")))
                .body("items.at", everyItem(notNullValue()))
                .body("items[1].comment", equalTo("changed: postsRequested"))
                .body("items[4].comment", equalTo("COSELEC 5, 2 post(s) granted: Dossier complet."))
                .extract();
        List<String> times = history.path("items.at");
        Instant previous = start;
        for (String time : times) {
            Instant at = Instant.parse(time);
            assertFalse(at.isBefore(previous), times.toString());
            previous = at;
        }
        given().auth().oauth2(Tokens.admin()).queryParams(Map.of("sort", "at,desc", "size", 2))
                .when().get("/applications/" + id + "/history")
                .then().body("items.action", equalTo(List.of("APPROVE", "START_REVIEW"))).body("totalItems", equalTo(5));
    }

    @Test
    void theDatabaseRefusesToRewriteOrEraseTheHistory() throws SQLException {
        String id = Fixtures.submitted(Fixtures.lyon(), Fixtures.openCampaign(10), 1);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            SQLException update = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "UPDATE application_history SET actor_subject = 'someone-else' WHERE application_id = '" + id + "'"));
            assertTrue(update.getMessage().contains("append-only"), update.getMessage());
            SQLException delete = assertThrows(SQLException.class, () -> statement.executeUpdate(
                    "DELETE FROM application_history WHERE application_id = '" + id + "'"));
            assertTrue(delete.getMessage().contains("append-only"), delete.getMessage());
        }
        given().auth().oauth2(Tokens.admin()).when().get("/applications/" + id + "/history")
                .then().body("totalItems", equalTo(2)).body("items[0].actor.subject", not(equalTo("someone-else")));
        assertEquals(2, (int) given().auth().oauth2(Tokens.admin()).when().get("/applications/" + id + "/history")
                .then().extract().path("items.size()"));
    }
}
