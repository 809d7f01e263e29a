package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPosts;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.PrometheusScrape;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Posts by state on /q/metrics follow the consumed approvals and the REST commands, as read from the database. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class BusinessMetricsTest {

    @Test
    void postsByStateAndConsumedEventsMove() throws InterruptedException {
        await().atMost(Duration.ofSeconds(20)).until(() -> sample("cnfs_posts", "state", "RETURNED") >= 0);
        // The gauges are read from the database every second in tests: wait until what earlier tests did shows, i.e.
        // two readings more than a refresh apart agree.
        AtomicReference<String> settled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1_500)).until(() -> {
            String now = sample("cnfs_posts", "state", "VACANT") + " " + sample("cnfs_posts", "state", "RETURNED");
            return now.equals(settled.getAndSet(now));
        });
        double vacantBefore = sample("cnfs_posts", "state", "VACANT");
        double returnedBefore = sample("cnfs_posts", "state", "RETURNED");
        double approvalsBefore = Math.max(0, sample("cnfs_events_consumed_total", "type", ApplicationApproved.TYPE,
                "outcome", "applied"));

        String siret = newSiret();
        List<UUID> posts = openPosts(siret, "69123", 2, Instant.now());
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(vacantBefore + 2, sample("cnfs_posts", "state", "VACANT"));
            assertTrue(sample("cnfs_events_consumed_total", "type", ApplicationApproved.TYPE, "outcome", "applied")
                    >= approvalsBefore + 1);
        });

        given().auth().oauth2(Tokens.structure(siret)).when().post("/posts/" + posts.get(0) + "/return")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(vacantBefore + 1, sample("cnfs_posts", "state", "VACANT"));
            assertEquals(returnedBefore + 1, sample("cnfs_posts", "state", "RETURNED"));
        });
    }

    /** The sample's value, or -1 while the metric is not there yet. */
    private static double sample(String metric, String... labels) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusScrape.value(metrics, metric, labels).orElse(-1);
    }
}
