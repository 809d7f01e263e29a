package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.plumbing.fixture.NoteWritten;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** An operator lists a dead letter, fixes its cause and replays it: it is applied once. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class DeadLetterReplayTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aDeadLetterIsAppliedWhenReplayedAfterItsCauseIsFixed() throws Exception {
        String text = "blocked " + UUID.randomUUID();
        execute("INSERT INTO fixture_blocked_text (text) VALUES ('" + text + "')");
        String noteId = given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/fixture/notes")
                .then().statusCode(201).extract().path("id");

        String eventKey = await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("eventType", NoteWritten.TYPE).when().get("/admin/dead-letters")
                .then().statusCode(200).extract().jsonPath().<String>getList("items.findAll { it.reason == 'this text is blocked' }.eventKey")
                .stream().filter(key -> wasFor(key, noteId)).findFirst().orElse(null), key -> key != null);
        given().when().get("/fixture/notes/" + noteId + "/receipt").then().statusCode(404);

        execute("DELETE FROM fixture_blocked_text WHERE text = '" + text + "'");
        given().auth().oauth2(Tokens.admin()).when().post("/admin/dead-letters/" + eventKey + "/replay")
                .then().statusCode(204);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/fixture/notes/" + noteId + "/receipt")
                .then().statusCode(200).body("timesApplied", equalTo(1)));
        given().auth().oauth2(Tokens.admin()).when().post("/admin/dead-letters/" + eventKey + "/replay")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.finance()).when().get("/admin/dead-letters").then().statusCode(403);
    }

    private boolean wasFor(String eventKey, String noteId) {
        try (var connection = dataSource.getConnection();
                var result = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM inbox_entry WHERE event_key = '" + eventKey + "' AND record_key = '" + noteId + "'")) {
            result.next();
            return result.getLong(1) == 1;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void execute(String sql) throws Exception {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
