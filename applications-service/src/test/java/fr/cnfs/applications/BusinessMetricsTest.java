package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.PrometheusScrape;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Applications by status on /q/metrics follow what the REST commands do, as read from the database. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class BusinessMetricsTest {

    @Test
    void applicationsByStatusMoveWithTheCommands() throws InterruptedException {
        await().atMost(Duration.ofSeconds(20)).until(() -> applications("REJECTED") >= 0);
        // The gauges are read from the database every second in tests: wait until what earlier tests did shows, i.e.
        // two readings more than a refresh apart agree.
        AtomicReference<String> settled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1_500)).until(() -> {
            String now = applications("DRAFT") + " " + applications("SUBMITTED") + " " + applications("REJECTED");
            return now.equals(settled.getAndSet(now));
        });
        double draftBefore = applications("DRAFT");
        double submittedBefore = applications("SUBMITTED");
        double rejectedBefore = applications("REJECTED");

        var structure = Fixtures.association("69123", "69");
        String campaign = Fixtures.openCampaign(4000);
        String submitted = Fixtures.submitted(structure, campaign, 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(submittedBefore + 1, applications("SUBMITTED"));
            assertEquals(draftBefore, applications("DRAFT"));
        });

        as(Tokens.instructeur()).when().post("/applications/" + submitted + "/start-review").then().statusCode(200);
        as(Tokens.instructeur()).body(Map.of("reason", "INSUFFICIENT_NEED"))
                .when().post("/applications/" + submitted + "/reject").then().statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(submittedBefore, applications("SUBMITTED"));
            assertEquals(rejectedBefore + 1, applications("REJECTED"));
        });
    }

    /** The gauge's value, or -1 while it has not been read from the database yet. */
    private static double applications(String status) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusScrape.value(metrics, "cnfs_applications", "status", status).orElse(-1);
    }
}
