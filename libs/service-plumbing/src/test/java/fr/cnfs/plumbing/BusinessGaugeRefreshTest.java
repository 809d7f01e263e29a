package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The business gauges aggregate whole tables, so they keep their own period (cnfs.metrics.business-refresh), apart
 * from the dead letters' and the outbox's. In the plumbing's tests it is an hour (application.properties): the gauge
 * keeps the value of its reading at start while the dead-letter count, read every second, moves.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class BusinessGaugeRefreshTest {

    @Test
    void theBusinessGaugesWaitForTheirOwnPeriodWhileTheDeadLettersDoNot() {
        // Both are read once at start.
        await().atMost(Duration.ofSeconds(30)).until(() -> notes() >= 0 && deadLetters() >= 0);
        double notesAtStart = notes();
        double deadLettersBefore = deadLetters();

        given().contentType(ContentType.JSON).body(Map.of("text", "poison for the metrics")).when()
                .post("/fixture/notes").then().statusCode(201);
        await().atMost(Duration.ofSeconds(30)).until(() -> deadLetters() >= deadLettersBefore + 1);

        // The dead letter was counted after the note was written, yet the notes gauge has not been read again.
        assertEquals(notesAtStart, notes());
    }

    private static double notes() {
        return PrometheusScrape.value(scrape(), "cnfs_fixture_notes", "kind", "all").orElse(-1);
    }

    private static double deadLetters() {
        return PrometheusScrape.value(scrape(), "cnfs_dead_letters").orElse(-1);
    }

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }
}
