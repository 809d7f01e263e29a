package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.TrancheDue;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.funding.domain.DailyTrancheEvaluation;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** The evaluation of time-based triggers: by the admin endpoint or the daily schedule, with no second effect. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class TrancheEvaluationTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    @Inject
    DailyTrancheEvaluation daily;

    private FundingScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new FundingScenario(objectMapper);
    }

    @Test
    void runningTheSameEvaluationTwiceHasNoSecondEffect() {
        clock.setToday(LocalDate.of(2024, 3, 1));
        ApplicationApproved approved = scenario.approval("PRIVATE", "75056", "75", "11", "METRO", "75", 1, 18, "PHASE_1", false, false);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        scenario.publish(scenario.contract(approved, postId, LocalDate.of(2024, 3, 1), null, "1766.92", "35"));
        scenario.awaitPostStatus(grantId, postId, "OCCUPIED");

        // 9 of 18 months: T2 (30 % of 40,000) is due on 1 December 2024.
        clock.setToday(LocalDate.of(2024, 12, 1));
        JsonPath first = scenario.evaluate(LocalDate.of(2024, 12, 1));
        assertTrue(first.getInt("tranchesDue") >= 1);
        Map<String, Object> post = scenario.post(grantId, postId);
        assertEquals("DUE", trancheStatus(post, 2));
        assertEquals(12000.00f, ((Number) FundingScenario.tranche(post, 2).get("amount")).floatValue());
        long version = ((Number) FundingScenario.tranche(post, 2).get("version")).longValue();

        JsonPath second = scenario.evaluate(LocalDate.of(2024, 12, 1));
        assertEquals(0, second.getInt("tranchesDue"));
        assertEquals(0, second.getInt("postsCompleted"));
        assertEquals(0, second.getInt("postsClosed"));
        assertEquals(0, second.getInt("recoveriesIssued"));
        assertEquals(0, second.getInt("adjustmentsDue"));
        assertEquals(0, second.getInt("failures"));
        assertEquals(version, ((Number) FundingScenario.tranche(scenario.post(grantId, postId), 2).get("version")).longValue());
        scenario.awaitFundingEvent(grantId, TrancheDue.TYPE, trancheId(post, 2));
        assertEquals(2, scenario.fundingEvents(grantId, TrancheDue.TYPE).size(), "T1 and T2, once each");
    }

    @Test
    void theDailyScheduleEvaluatesAsOfTheBusinessClock() {
        clock.setToday(LocalDate.of(2025, 1, 6));
        ApplicationApproved approved = scenario.lyonApproval(1, 12);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        scenario.publish(scenario.contract(approved, postId, LocalDate.of(2025, 1, 6), null, "1801.80", "35"));
        scenario.awaitPostStatus(grantId, postId, "OCCUPIED");

        clock.setToday(LocalDate.of(2026, 1, 6));
        daily.run();
        Map<String, Object> post = scenario.post(grantId, postId);
        assertEquals("COMPLETED", post.get("status"));
        assertEquals("2026-01-06", post.get("completedOn"));
        assertEquals("DUE", trancheStatus(post, 3));
        given().auth().oauth2(Tokens.admin()).when().get("/admin/tranche-evaluations").then().statusCode(200)
                .body("items.find { it.triggeredBy == 'SCHEDULE' }.asOf", equalTo("2026-01-06"));
    }

    @Test
    void theEvaluationDateIsCheckedAndOnlyAnAdministratorRunsIt() {
        clock.setToday(LocalDate.of(2022, 9, 1));
        given().auth().oauth2(Tokens.admin()).queryParam("asOf", "2022-09-02").when().post("/admin/tranche-evaluations")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:evaluation-date"));
        given().auth().oauth2(Tokens.admin()).queryParam("asOf", "1 Sept").when().post("/admin/tranche-evaluations")
                .then().statusCode(400).body("violations[0].field", equalTo("asOf"));
        given().auth().oauth2(Tokens.finance()).when().post("/admin/tranche-evaluations").then().statusCode(403);
        given().when().post("/admin/tranche-evaluations").then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().post("/admin/tranche-evaluations").then().statusCode(200)
                .body("asOf", equalTo("2022-09-01")).body("triggeredBy", equalTo("ADMIN"));
        given().auth().oauth2(Tokens.admin()).queryParam("status", "WAITING").when().get("/admin/parked-events")
                .then().statusCode(400);
    }
}
