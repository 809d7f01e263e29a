package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.RecoveryIssued;
import fr.cnfs.contracts.events.RecoverySettled;
import fr.cnfs.contracts.events.TrancheDue;
import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/**
 * The life of a post's funding on the real broker and database, the business clock moved by the test: the "Done
 * when" of the funding issue.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class FundingLifecycleTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    private FundingScenario scenario;

    @BeforeEach
    void scenario() {
        scenario = new FundingScenario(objectMapper);
    }

    @Test
    void approvalGrantContractT1PaidT2RuptureReplacementT3Statement() {
        clock.setToday(LocalDate.of(2021, 6, 1));
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);
        JsonPath grant = scenario.grant(grantId);
        assertEquals("AWARDED", grant.getString("status"));
        assertEquals(50000.00f, grant.getFloat("amountPerPost"));
        assertEquals("PLANNED", trancheStatus(scenario.post(grantId, postId), 1));
        scenario.awaitFundingEvent(grantId, GrantAwarded.TYPE, "\"totalAmount\":50000.00");

        // The first contract starts: T1 (50 %) becomes due on its start date.
        clock.setToday(LocalDate.of(2021, 9, 1));
        ContractStarted first = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), LocalDate.of(2023, 8, 31));
        scenario.publish(first);
        Map<String, Object> post = scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1)));
        assertEquals("OCCUPIED", post.get("status"));
        assertEquals("2021-09-01", FundingScenario.tranche(post, 1).get("dueDate"));
        String t1 = trancheId(post, 1);
        scenario.awaitFundingEvent(grantId, TrancheDue.TYPE, t1);
        assertEquals(1, scenario.fundingEvents(grantId, TrancheDue.TYPE).size());

        // The paying agency lists what is due and pays T1.
        clock.setToday(LocalDate.of(2021, 9, 20));
        given().auth().oauth2(Tokens.finance()).queryParam("status", "DUE").queryParam("siret", FundingScenario.LYON_SIRET)
                .queryParam("dueBefore", "2021-09-20").queryParam("size", 100).when().get("/tranches")
                .then().statusCode(200).body("items.id", hasItem(t1));
        scenario.pay(t1, "25000.00", "ASP-" + t1, LocalDate.of(2021, 9, 20)).statusCode(200).body("status", equalTo("PAID"));
        scenario.awaitFundingEvent(grantId, TranchePaid.TYPE, t1);

        // A year of occupation is half the funded period: the daily evaluation makes T2 due, dated the day it was reached.
        clock.setToday(LocalDate.of(2022, 9, 1));
        scenario.evaluate(LocalDate.of(2022, 8, 31));
        assertEquals("PLANNED", trancheStatus(scenario.post(grantId, postId), 2));
        JsonPath evaluation = scenario.evaluate(LocalDate.of(2022, 9, 1));
        assertEquals(0, evaluation.getInt("failures"));
        post = scenario.post(grantId, postId);
        assertEquals("DUE", trancheStatus(post, 2));
        assertEquals("2022-09-01", FundingScenario.tranche(post, 2).get("dueDate"));
        assertEquals(15000.00f, ((Number) FundingScenario.tranche(post, 2).get("amount")).floatValue());
        String t2 = trancheId(post, 2);
        scenario.awaitFundingEvent(grantId, TrancheDue.TYPE, t2);
        clock.setToday(LocalDate.of(2022, 9, 15));
        scenario.pay(t2, "15000.00", "ASP-" + t2, LocalDate.of(2022, 9, 15)).statusCode(200);

        // Rupture after 14 months (420 days), replaced within the 3-month window: the accrual goes on.
        clock.setToday(LocalDate.of(2022, 10, 31));
        scenario.publish(scenario.end(first, LocalDate.of(2022, 10, 31), "RESIGNATION"));
        post = scenario.awaitPostStatus(grantId, postId, "VACANT");
        assertEquals(420, post.get("occupiedDays"));
        assertEquals("2023-01-31", post.get("replacementDeadline"));
        clock.setToday(LocalDate.of(2023, 1, 2));
        scenario.evaluate(LocalDate.of(2023, 1, 2));
        ContractStarted replacement = scenario.contract(approved, postId, LocalDate.of(2023, 1, 2), null);
        scenario.publish(replacement);
        post = scenario.awaitPostStatus(grantId, postId, "OCCUPIED");
        assertEquals("PLANNED", trancheStatus(post, 3));

        // 300 days remain from 2 January 2023: the funded period is fully occupied on 2 November 2023, T3 is due.
        clock.setToday(LocalDate.of(2023, 11, 2));
        JsonPath completion = scenario.evaluate(LocalDate.of(2023, 11, 2));
        assertEquals(0, completion.getInt("failures"));
        post = scenario.post(grantId, postId);
        assertEquals("COMPLETED", post.get("status"));
        assertEquals("2023-11-02", post.get("completedOn"));
        assertEquals("DUE", trancheStatus(post, 3));
        assertEquals("2023-11-02", FundingScenario.tranche(post, 3).get("dueDate"));
        String t3 = trancheId(post, 3);
        scenario.pay(t3, "10000.00", "ASP-" + t3, LocalDate.of(2023, 11, 2)).statusCode(200);

        // The replacement's end after completion changes no money.
        clock.setToday(LocalDate.of(2024, 1, 31));
        scenario.publish(scenario.end(replacement, LocalDate.of(2024, 1, 31), "NATURAL_END"));
        org.awaitility.Awaitility.await().atMost(FundingScenario.PATIENCE)
                .until(() -> grantContractEnded(grantId, replacement.contractId()));

        JsonPath statement = given().auth().oauth2(Tokens.structure(FundingScenario.LYON_SIRET))
                .when().get("/grants/" + grantId + "/statement").then().statusCode(200).extract().jsonPath();
        assertEquals(50000.00f, statement.getFloat("total.awarded"));
        assertEquals(50000.00f, statement.getFloat("total.earned"));
        assertEquals(50000.00f, statement.getFloat("total.paid"));
        assertEquals(0f, statement.getFloat("total.due"));
        assertEquals(0f, statement.getFloat("total.planned"));
        assertEquals(0f, statement.getFloat("total.cancelled"));
        assertEquals(0f, statement.getFloat("total.recovered"));
        assertEquals(720, statement.getInt("posts[0].occupiedDays"));
        StatementInvariants.check(statement);
        assertEquals("ENDED", scenario.grant(grantId).getString("status"));

        given().auth().oauth2(Tokens.finance()).queryParam("campaignId", approved.campaignId().toString())
                .when().get("/reports/budget").then().statusCode(200)
                .body("grants", equalTo(1)).body("awarded", equalTo(50000.00f)).body("paid", equalTo(50000.00f))
                .body("committed", equalTo(50000.00f)).body("due", equalTo(0f)).body("recovered", equalTo(0f));
    }

    @Test
    void theLyonRuptureWithoutReplacementClosesTheFundingWithARecoveryOf4166_67() {
        clock.setToday(LocalDate.of(2021, 6, 1));
        ApplicationApproved approved = scenario.lyonApproval(1, 24);
        UUID postId = approved.postIds().get(0);
        String grantId = scenario.award(approved);

        clock.setToday(LocalDate.of(2021, 9, 1));
        ContractStarted contract = scenario.contract(approved, postId, LocalDate.of(2021, 9, 1), LocalDate.of(2023, 8, 31));
        scenario.publish(contract);
        String t1 = trancheId(scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1))), 1);
        scenario.pay(t1, "25000.00", "ASP-" + t1, LocalDate.of(2021, 9, 1)).statusCode(200);

        // The adviser resigns after 10 months: last day 30 June 2022, 300 of the 720 funded days.
        clock.setToday(LocalDate.of(2022, 6, 30));
        scenario.publish(scenario.end(contract, LocalDate.of(2022, 6, 30), "RESIGNATION"));
        Map<String, Object> post = scenario.awaitPostStatus(grantId, postId, "VACANT");
        assertEquals(300, post.get("occupiedDays"));
        assertEquals("2022-09-30", post.get("replacementDeadline"));
        assertEquals(20833.33f, ((Number) post.get("earnedToDate")).floatValue());

        // Not refilled: on the last day of the window nothing happens, the day after the funding closes.
        clock.setToday(LocalDate.of(2022, 9, 30));
        assertEquals(0, scenario.evaluate(LocalDate.of(2022, 9, 30)).getInt("postsClosed"));
        assertEquals("VACANT", scenario.post(grantId, postId).get("status"));
        clock.setToday(LocalDate.of(2022, 10, 1));
        JsonPath run = scenario.evaluate(LocalDate.of(2022, 10, 1));
        org.junit.jupiter.api.Assertions.assertTrue(run.getInt("postsClosed") >= 1);
        org.junit.jupiter.api.Assertions.assertTrue(run.getInt("recoveriesIssued") >= 1);
        post = scenario.post(grantId, postId);
        assertEquals("CLOSED", post.get("status"));
        assertEquals("REPLACEMENT_WINDOW_EXPIRED", post.get("closingReason"));
        assertEquals("2022-10-01", post.get("closedOn"));
        assertEquals(20833.33f, ((Number) post.get("earnedToDate")).floatValue());
        assertEquals("CANCELLED", trancheStatus(post, 2));
        assertEquals("CANCELLED", trancheStatus(post, 3));

        JsonPath recoveries = given().auth().oauth2(Tokens.finance()).queryParam("grantId", grantId)
                .when().get("/recoveries").then().statusCode(200).body("totalItems", equalTo(1)).extract().jsonPath();
        assertEquals(4166.67f, recoveries.getFloat("items[0].amount"));
        assertEquals(25000.00f, recoveries.getFloat("items[0].paidAmount"));
        assertEquals(20833.33f, recoveries.getFloat("items[0].earnedAmount"));
        assertEquals("ISSUED", recoveries.getString("items[0].status"));
        String recoveryId = recoveries.getString("items[0].id");
        scenario.awaitFundingEvent(grantId, RecoveryIssued.TYPE, "\"amount\":4166.67");

        JsonPath statement = given().auth().oauth2(Tokens.admin()).when().get("/grants/" + grantId + "/statement")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(50000.00f, statement.getFloat("total.awarded"));
        assertEquals(20833.33f, statement.getFloat("total.earned"));
        assertEquals(25000.00f, statement.getFloat("total.paid"));
        assertEquals(25000.00f, statement.getFloat("total.cancelled"));
        assertEquals(4166.67f, statement.getFloat("total.recovered"));
        StatementInvariants.check(statement);
        assertEquals("ENDED", scenario.grant(grantId).getString("status"));

        // The money comes back in two receipts; the same receipt twice counts once.
        clock.setToday(LocalDate.of(2022, 11, 15));
        settle(recoveryId, "2000.00", "REV-" + recoveryId + "-1").statusCode(200)
                .body("status", equalTo("PARTIALLY_SETTLED")).body("outstanding", equalTo(2166.67f));
        settle(recoveryId, "2000.00", "REV-" + recoveryId + "-1").statusCode(200).body("settledAmount", equalTo(2000.00f));
        settle(recoveryId, "2166.68", "REV-" + recoveryId + "-2").statusCode(422);
        settle(recoveryId, "2166.67", "REV-" + recoveryId + "-2").statusCode(200)
                .body("status", equalTo("SETTLED")).body("outstanding", equalTo(0f)).body("settlements.size()", equalTo(2));
        settle(recoveryId, "1.00", "REV-" + recoveryId + "-3").statusCode(409);
        scenario.awaitFundingEvent(grantId, RecoverySettled.TYPE, "\"outstanding\":0.00");
        assertEquals(2, scenario.fundingEvents(grantId, RecoverySettled.TYPE).size());

        given().auth().oauth2(Tokens.admin()).queryParam("campaignId", approved.campaignId().toString())
                .when().get("/reports/budget").then().statusCode(200)
                .body("awarded", equalTo(50000.00f)).body("paid", equalTo(25000.00f)).body("cancelled", equalTo(25000.00f))
                .body("committed", equalTo(25000.00f)).body("recovered", equalTo(4166.67f))
                .body("recoverySettled", equalTo(4166.67f)).body("netPaid", equalTo(20833.33f));
    }

    @Test
    void aReturnedPostClosesAtOnceAndAPostReturnedBeforeAnyContractEarnsNothing() {
        clock.setToday(LocalDate.of(2021, 6, 1));
        ApplicationApproved approved = scenario.lyonApproval(2, 18);
        UUID occupied = approved.postIds().get(0);
        UUID neverFilled = approved.postIds().get(1);
        String grantId = scenario.award(approved);
        assertEquals(37500.00f, scenario.grant(grantId).getFloat("amountPerPost"));

        clock.setToday(LocalDate.of(2021, 10, 1));
        ContractStarted contract = scenario.contract(approved, occupied, LocalDate.of(2021, 10, 1), null);
        scenario.publish(contract);
        String t1 = trancheId(scenario.awaitPost(grantId, occupied, p -> "DUE".equals(trancheStatus(p, 1))), 1);
        scenario.pay(t1, "18750.00", "ASP-" + t1, LocalDate.of(2021, 10, 1)).statusCode(200);

        // Six months (180 of 540 days), then the structure gives the post back within the window: it closes at once.
        scenario.publish(scenario.end(contract, LocalDate.of(2022, 3, 31), "DISMISSAL"));
        scenario.awaitPostStatus(grantId, occupied, "VACANT");
        clock.setToday(LocalDate.of(2022, 4, 15));
        scenario.publish(scenario.returned(approved, occupied, LocalDate.of(2022, 4, 15)));
        Map<String, Object> post = scenario.awaitPostStatus(grantId, occupied, "CLOSED");
        assertEquals("POST_RETURNED", post.get("closingReason"));
        assertEquals("2022-04-15", post.get("closedOn"));
        // earned = 37,500 × 180 / 540 = 12,500.00; paid 18,750.00: 6,250.00 to recover.
        assertEquals(12500.00f, ((Number) post.get("earnedToDate")).floatValue());
        given().auth().oauth2(Tokens.finance()).queryParam("grantId", grantId).when().get("/recoveries")
                .then().statusCode(200).body("items[0].amount", equalTo(6250.00f))
                .body("items[0].reason", org.hamcrest.Matchers.startsWith("POST_RETURNED"));

        scenario.publish(scenario.returned(approved, neverFilled, LocalDate.of(2022, 4, 15)));
        Map<String, Object> empty = scenario.awaitPostStatus(grantId, neverFilled, "CLOSED");
        assertEquals(0f, ((Number) empty.get("earnedToDate")).floatValue());
        assertEquals("CANCELLED", trancheStatus(empty, 1));
        org.junit.jupiter.api.Assertions.assertNull(empty.get("firstContractStart"));

        JsonPath statement = given().auth().oauth2(Tokens.admin()).when().get("/grants/" + grantId + "/statement")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(75000.00f, statement.getFloat("total.awarded"));
        assertEquals(12500.00f, statement.getFloat("total.earned"));
        assertEquals(6250.00f, statement.getFloat("total.recovered"));
        StatementInvariants.check(statement);
        assertEquals("ENDED", scenario.grant(grantId).getString("status"));
        // T2 and T3 of the returned post (18,750.00) and the whole plan of the empty post (37,500.00).
        assertEquals(56250.00f, statement.getFloat("total.cancelled"));
    }

    private static io.restassured.response.ValidatableResponse settle(String recoveryId, String amount, String reference) {
        return given().auth().oauth2(Tokens.finance()).contentType("application/json")
                .body(Map.of("receivedOn", "2022-11-15", "amount", new BigDecimal(amount), "reference", reference))
                .when().post("/recoveries/" + recoveryId + "/settlement").then();
    }

    private boolean grantContractEnded(String grantId, UUID contractId) {
        return scenario.grant(grantId).<Map<String, Object>> getList("posts[0].contracts").stream()
                .anyMatch(c -> contractId.toString().equals(c.get("contractId")) && c.get("endDate") != null);
    }
}
