package fr.cnfs.funding;

import static fr.cnfs.funding.FundingScenario.trancheId;
import static fr.cnfs.funding.FundingScenario.trancheStatus;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** The paying agency's side: due lists, payments idempotent by reference, refusals that change nothing. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class TranchePaymentTest {

    @Inject
    ObjectMapper objectMapper;

    @Inject
    MovableClock clock;

    private FundingScenario scenario;
    private ApplicationApproved approved;
    private String grantId;
    private Map<String, Object> post;

    @BeforeEach
    void aPostWithItsFirstTrancheDue() {
        scenario = new FundingScenario(objectMapper);
        clock.setToday(LocalDate.of(2022, 3, 1));
        approved = scenario.lyonApproval(2, 24);
        grantId = scenario.award(approved);
        UUID postId = approved.postIds().get(0);
        scenario.publish(scenario.contract(approved, postId, LocalDate.of(2022, 2, 1), null));
        post = scenario.awaitPost(grantId, postId, p -> "DUE".equals(trancheStatus(p, 1)));
    }

    @Test
    void aPaymentIsRecordedOnceWhateverTheRetries() {
        String t1 = trancheId(post, 1);
        String etag = given().auth().oauth2(Tokens.finance()).when().get("/tranches/" + t1)
                .then().statusCode(200).body("status", equalTo("DUE")).extract().header("ETag");

        String reference = "ASP-" + UUID.randomUUID();
        String paidEtag = given().auth().oauth2(Tokens.finance()).header("If-Match", etag).contentType("application/json")
                .body(Map.of("paidOn", "2022-02-20", "amount", new BigDecimal("25000.00"), "paymentReference", reference))
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(200)
                .body("status", equalTo("PAID")).body("paidAmount", equalTo(25000.00f))
                .body("paymentReference", equalTo(reference)).body("paidOn", equalTo("2022-02-20")).extract().header("ETag");
        assertNotEquals(etag, paidEtag);

        // The same payment again: the same answer, no second effect.
        scenario.pay(t1, "25000.00", reference, LocalDate.of(2022, 2, 20)).statusCode(200)
                .body("status", equalTo("PAID")).body("version", equalTo(Integer.parseInt(paidEtag.replace("\"", ""))));
        // Paid already, under another reference; or the same reference with another amount.
        scenario.pay(t1, "25000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(409)
                .contentType("application/problem+json");
        scenario.pay(t1, "24000.00", reference, LocalDate.of(2022, 2, 20)).statusCode(409);
        // The same reference for another tranche is a duplicate.
        UUID otherPost = approved.postIds().get(1);
        scenario.publish(scenario.contract(approved, otherPost, LocalDate.of(2022, 2, 1), null));
        String otherT1 = trancheId(scenario.awaitPost(grantId, otherPost, p -> "DUE".equals(trancheStatus(p, 1))), 1);
        scenario.pay(otherT1, "25000.00", reference, LocalDate.of(2022, 2, 20)).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:duplicate-payment-reference"));
        assertEquals("DUE", trancheStatus(scenario.post(grantId, otherPost), 1));

        scenario.awaitFundingEvent(grantId, TranchePaid.TYPE, t1);
        assertEquals(1, scenario.fundingEvents(grantId, TranchePaid.TYPE).size());
    }

    @Test
    void refusalsChangeNothing() {
        String t1 = trancheId(post, 1);
        String t2 = trancheId(post, 2);
        scenario.pay(t1, "24999.99", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:payment-amount"));
        scenario.pay(t1, "25000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 3, 2)).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:payment-date"));
        scenario.pay(t2, "15000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("not due yet"));
        given().auth().oauth2(Tokens.finance()).header("If-Match", "\"999\"").contentType("application/json")
                .body(Map.of("paidOn", "2022-02-20", "amount", new BigDecimal("25000.00"), "paymentReference", "ASP-STALE-" + t1))
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(412);
        scenario.pay(UUID.randomUUID().toString(), "25000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(404);

        given().auth().oauth2(Tokens.finance()).contentType("application/json")
                .body(Map.of("paidOn", "2022-02-20", "amount", new BigDecimal("25000.001"), "paymentReference", "bad reference!"))
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(400)
                .body("violations.field", hasItem("amount")).body("violations.field", hasItem("paymentReference"));
        given().auth().oauth2(Tokens.finance()).contentType("application/json").body("{}")
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(400)
                .body("violations.field", hasItem("paidOn"));
        given().auth().oauth2(Tokens.finance()).contentType("application/json").body("{\"paidOn\": \"yesterday\"}")
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(400);

        given().auth().oauth2(Tokens.structure(FundingScenario.LYON_SIRET)).contentType("application/json")
                .body(Map.of("paidOn", "2022-02-20", "amount", new BigDecimal("25000.00"), "paymentReference", "ASP-X"))
                .when().post("/tranches/" + t1 + "/payment").then().statusCode(403);
        given().contentType("application/json").body("{}").when().post("/tranches/" + t1 + "/payment").then().statusCode(401);

        given().auth().oauth2(Tokens.finance()).when().get("/tranches/" + t1).then().statusCode(200)
                .body("status", equalTo("DUE")).body("version", equalTo(((Number) FundingScenario.tranche(post, 1).get("version")).intValue()));
    }

    @Test
    void aCancelledTrancheCannotBePaid() {
        UUID otherPost = approved.postIds().get(1);
        scenario.publish(scenario.returned(approved, otherPost, LocalDate.of(2022, 2, 15)));
        Map<String, Object> closed = scenario.awaitPostStatus(grantId, otherPost, "CLOSED");
        scenario.pay(trancheId(closed, 1), "25000.00", "ASP-" + UUID.randomUUID(), LocalDate.of(2022, 2, 20)).statusCode(409)
                .body("detail", org.hamcrest.Matchers.containsString("cancelled"));
    }

    @Test
    void theDueListIsFilteredPagedAndAStructureSeesOnlyItsOwn() {
        String t1 = trancheId(post, 1);
        given().auth().oauth2(Tokens.finance()).queryParam("status", "DUE").queryParam("siret", FundingScenario.LYON_SIRET)
                .queryParam("dueBefore", "2022-02-01").queryParam("grantId", grantId).when().get("/tranches")
                .then().statusCode(200).body("items.id", hasItem(t1)).body("items.status", everyItem(equalTo("DUE")));
        given().auth().oauth2(Tokens.finance()).queryParam("status", "DUE").queryParam("dueBefore", "2022-01-31")
                .queryParam("grantId", grantId).when().get("/tranches")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.finance()).queryParam("grantId", grantId).queryParam("size", 2).queryParam("sort", "amount,desc")
                .when().get("/tranches").then().statusCode(200).body("totalItems", equalTo(6)).body("size", equalTo(2))
                .body("items[0].amount", equalTo(25000.00f));

        given().auth().oauth2(Tokens.structure(FundingScenario.LYON_SIRET)).queryParam("grantId", grantId)
                .when().get("/tranches").then().statusCode(200).body("totalItems", equalTo(6));
        given().auth().oauth2(Tokens.structure("21130055300016")).queryParam("grantId", grantId)
                .when().get("/tranches").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.structure("21130055300016")).when().get("/tranches/" + t1).then().statusCode(404);
        given().auth().oauth2(Tokens.structure("21130055300016")).queryParam("siret", FundingScenario.LYON_SIRET)
                .when().get("/tranches").then().statusCode(200).body("items.id", not(hasItem(t1)));
        given().auth().oauth2(Tokens.conseiller("someone")).when().get("/tranches").then().statusCode(403);

        given().auth().oauth2(Tokens.finance()).queryParam("status", "OWED").when().get("/tranches").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.finance()).queryParam("dueBefore", "01/02/2022").when().get("/tranches").then().statusCode(400)
                .body("violations[0].field", equalTo("dueBefore"));
        given().auth().oauth2(Tokens.finance()).queryParam("sort", "siret").when().get("/tranches").then().statusCode(400);
        given().auth().oauth2(Tokens.finance()).queryParam("size", 101).when().get("/tranches").then().statusCode(400);
    }
}
