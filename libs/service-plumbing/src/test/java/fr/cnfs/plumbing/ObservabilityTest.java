package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.PrometheusScrape;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.fixture.NoteWritten;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Correlation ids from HTTP to Kafka to the consumer, and the event metrics on /q/metrics. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class ObservabilityTest {

    @Test
    void theCorrelationIdFollowsTheRequestToTheEventAndItsConsumer() {
        String correlationId = "partner-" + UUID.randomUUID();
        String noteId = given().header("X-Correlation-Id", correlationId).contentType(ContentType.JSON)
                .body(Map.of("text", "correlated")).when().post("/fixture/notes")
                .then().statusCode(201).header("X-Correlation-Id", correlationId).extract().path("id");

        var record = TopicProbe.onDevstack().await(NoteWritten.TOPIC, r -> noteId.equals(r.key()), Duration.ofSeconds(30))
                .orElseThrow();
        assertEquals(correlationId, TopicProbe.header(record, "ce_correlationid"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/fixture/notes/" + noteId + "/receipt")
                .then().statusCode(200).body("correlationId", equalTo(correlationId)));
    }

    @Test
    void aMissingOrMalformedCorrelationIdIsReplacedByANewOne() {
        given().when().get("/q/health/live").then().header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
        given().header("X-Correlation-Id", "bad id\u0007 with spaces").when().get("/q/health/live")
                .then().header("X-Correlation-Id", matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void eventCountersAndTheOutboxBacklogAreOnTheMetricsEndpoint() {
        String noteId = given().contentType(ContentType.JSON).body(Map.of("text", "counted")).when()
                .post("/fixture/notes").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/fixture/notes/" + noteId + "/receipt")
                .then().statusCode(200));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("cnfs_events_published_total{topic=\"fixture.notes\",type=\"" + NoteWritten.TYPE + "\"}"))
                .body(containsString("cnfs_events_consumed_total{outcome=\"applied\",type=\"" + NoteWritten.TYPE + "\"}"))
                .body(containsString("cnfs_outbox_pending "))
                .body(containsString("cnfs_outbox_oldest_pending_age_seconds "))
                .body(containsString("http_server_requests_seconds_count")));
    }

    @Test
    void deadLettersAreCountedFromTheDatabaseUntilReplayed() {
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() >= 0);
        double before = deadLetters();
        String noteId = given().contentType(ContentType.JSON).body(Map.of("text", "poison for the metrics")).when()
                .post("/fixture/notes").then().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertTrue(deadLetters() >= before + 1,
                "cnfs_dead_letters did not count the dead letter of note " + noteId));
    }

    /** The dead-letter gauge, or -1 while it has not been read from the database yet. */
    private static double deadLetters() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusScrape.value(metrics, "cnfs_dead_letters").orElse(-1);
    }
}
