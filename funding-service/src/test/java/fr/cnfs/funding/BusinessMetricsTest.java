package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.PrometheusScrape;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Tranches due and paid on /q/metrics, as a count and in euros, follow the events and the payment REST command. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class BusinessMetricsTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    @Test
    void tranchesDueAndPaidMoveInCountAndEuros() throws InterruptedException {
        await().atMost(Duration.ofSeconds(20)).until(() -> sample("cnfs_tranches", "PAID") >= 0);
        // The gauges are read from the database every second in tests: wait until what earlier tests did shows, i.e.
        // two readings more than a refresh apart agree.
        AtomicReference<String> settled = new AtomicReference<>();
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(1_500)).until(() -> {
            String now = sample("cnfs_tranches", "DUE") + " " + sample("cnfs_tranches", "PAID") + " "
                    + sample("cnfs_tranches", "PLANNED") + " " + sample("cnfs_tranches_amount_euros", "DUE") + " "
                    + sample("cnfs_tranches_amount_euros", "PAID");
            return now.equals(settled.getAndSet(now));
        });
        double dueBefore = sample("cnfs_tranches", "DUE");
        double dueEurosBefore = sample("cnfs_tranches_amount_euros", "DUE");
        double paidBefore = sample("cnfs_tranches", "PAID");
        double paidEurosBefore = sample("cnfs_tranches_amount_euros", "PAID");
        double plannedBefore = sample("cnfs_tranches", "PLANNED");

        // A public 24-month post in Lyon: €50,000, T1 = €25,000 due when its first contract starts.
        FundingScenario scenario = new FundingScenario(objectMapper);
        clock.setToday(LocalDate.of(2022, 3, 1));
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        String grantId = scenario.award(approved);
        UUID postId = approved.postIds().get(0);
        await().atMost(Duration.ofSeconds(20))
                .untilAsserted(() -> assertEquals(plannedBefore + 3, sample("cnfs_tranches", "PLANNED")));

        scenario.publish(scenario.contract(approved, postId, LocalDate.of(2022, 2, 1), null));
        String t1 = trancheId(scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1))), 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(dueBefore + 1, sample("cnfs_tranches", "DUE"));
            assertEquals(dueEurosBefore + 25_000, sample("cnfs_tranches_amount_euros", "DUE"), 0.001);
        });

        scenario.pay(t1, "25000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(200);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            assertEquals(dueBefore, sample("cnfs_tranches", "DUE"));
            assertEquals(dueEurosBefore, sample("cnfs_tranches_amount_euros", "DUE"), 0.001);
            assertEquals(paidBefore + 1, sample("cnfs_tranches", "PAID"));
            assertEquals(paidEurosBefore + 25_000, sample("cnfs_tranches_amount_euros", "PAID"), 0.001);
        });
    }

    /** The gauge's value for a tranche status, or -1 while it has not been read from the database yet. */
    private static double sample(String metric, String status) {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return PrometheusScrape.value(metrics, metric, "status", status).orElse(-1);
    }
}
