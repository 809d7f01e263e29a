package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static fr.cnfs.applications.Fixtures.campaignBody;
import static fr.cnfs.applications.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.logging.Level;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.testkit.LogCapture;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class CampaignResourceTest {

    @Test
    void aReviewerOpensACampaignWithTheDefaultRecruitmentDeadline() {
        var body = campaignBody(today().minusDays(1), today().plusDays(60), 4000, List.of("PUBLIC"), "PHASE_1");
        String id = as(Tokens.instructeur()).body(body).when().post("/campaigns")
                .then().statusCode(201)
                .body("status", equalTo("OPEN"))
                .body("postQuota", equalTo(4000))
                .body("postsGranted", equalTo(0))
                .body("postsRemaining", equalTo(4000))
                .body("eligibleCategories", equalTo(List.of("PUBLIC")))
                .body("recruitmentDeadlineMonths", equalTo(3))
                .body("contractMonths.PUBLIC.min", equalTo(12))
                .body("contractMonths.PUBLIC.max", equalTo(24))
                .extract().path("id");
        given().auth().oauth2(Tokens.structure(Fixtures.privateSiret())).when().get("/campaigns/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo(body.get("name")))
                .body("eligibleCategories", equalTo(List.of("PUBLIC")));
        as(Tokens.instructeur()).queryParam("sort", "createdAt,desc").queryParam("size", 5).when().get("/campaigns")
                .then().statusCode(200)
                .body("items.find { it.id == '%s' }.eligibleCategories".formatted(id), equalTo(List.of("PUBLIC")));
    }

    @Test
    void theQuotaUsedAndRemainingAreLive() {
        String campaign = Fixtures.openCampaign(10);
        Fixtures.approved(Fixtures.lyon(), campaign, 5, 4);
        given().auth().oauth2(Tokens.prefet("69")).when().get("/campaigns/" + campaign)
                .then().statusCode(200).body("postsGranted", equalTo(4)).body("postsRemaining", equalTo(6));
        Fixtures.approved(Fixtures.association(Fixtures.PARIS, "75"), campaign, 3, 3);
        given().auth().oauth2(Tokens.instructeur()).when().get("/campaigns/" + campaign)
                .then().statusCode(200).body("postsGranted", equalTo(7)).body("postsRemaining", equalTo(3))
                .body("contractMonths.PRIVATE.max", equalTo(18));
    }

    @Test
    void aCampaignIsCheckedBeforeItOpens() {
        var reversed = campaignBody(today(), today().minusDays(1), 10, List.of("PUBLIC"), "PHASE_1");
        as(Tokens.instructeur()).body(reversed).when().post("/campaigns")
                .then().statusCode(400).body("violations[0].field", equalTo("closesOn"));
        var unknownPhase = campaignBody(today(), today().plusDays(1), 10, List.of("PUBLIC"), "PHASE_7");
        as(Tokens.instructeur()).body(unknownPhase).when().post("/campaigns")
                .then().statusCode(400).body("violations[0].field", equalTo("fundingPhase"));
        var noCategory = campaignBody(today(), today().plusDays(1), 10, List.of(), "PHASE_1");
        noCategory.put("postQuota", 0);
        as(Tokens.instructeur()).body(noCategory).when().post("/campaigns")
                .then().statusCode(400).body("violations.field", hasItem("eligibleCategories"))
                .body("violations.field", hasItem("postQuota"));
        var badCategory = campaignBody(today(), today().plusDays(1), 10, List.of("MUNICIPAL"), "PHASE_1");
        as(Tokens.instructeur()).body(badCategory).when().post("/campaigns")
                .then().statusCode(400).body("type", equalTo("urn:cnfs:problem:malformed-body"));
    }

    @Test
    void aCampaignNameIsUnique() {
        var body = campaignBody(today(), today().plusDays(1), 10, List.of("PUBLIC"), "PHASE_2");
        as(Tokens.admin()).body(body).when().post("/campaigns").then().statusCode(201)
                .body("contractMonths.PUBLIC.min", equalTo(36));
        as(Tokens.admin()).body(body).when().post("/campaigns").then().statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:duplicate-campaign"));
    }

    @Test
    void onlyReviewersAndAdminsOpenCampaigns() {
        var body = campaignBody(today(), today().plusDays(1), 10, List.of("PUBLIC"), "PHASE_1");
        given().contentType("application/json").body(body).when().post("/campaigns").then().statusCode(401);
        for (String role : new String[] { "structure", "prefet", "finance", "conseiller" }) {
            as(Tokens.forRole(role)).body(body).when().post("/campaigns").then().statusCode(403)
                    .body("type", equalTo("urn:cnfs:problem:forbidden"));
        }
    }

    @Test
    void everyoneInTheProgrammeReadsCampaignsButNotTheOthers() {
        String id = Fixtures.openCampaign(5);
        for (String token : new String[] { Tokens.structure(Fixtures.privateSiret()), Tokens.prefet("13"),
                Tokens.instructeur(), Tokens.admin() }) {
            given().auth().oauth2(token).when().get("/campaigns/" + id).then().statusCode(200);
            given().auth().oauth2(token).when().get("/campaigns").then().statusCode(200);
        }
        given().auth().oauth2(Tokens.finance()).when().get("/campaigns/" + id).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("conseiller")).when().get("/campaigns").then().statusCode(403);
        given().when().get("/campaigns/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().get("/campaigns/" + java.util.UUID.randomUUID())
                .then().statusCode(404).body("type", equalTo("urn:cnfs:problem:not-found"));
    }

    @Test
    void theListFiltersByStatusToday() {
        String upcoming = Fixtures.campaign(today().plusDays(5), today().plusDays(30), 5, List.of("PUBLIC"), "PHASE_1");
        String closed = Fixtures.campaign(today().minusDays(30), today().minusDays(5), 5, List.of("PUBLIC"), "PHASE_1");
        given().auth().oauth2(Tokens.admin()).queryParam("status", "UPCOMING").queryParam("size", 100)
                .when().get("/campaigns")
                .then().statusCode(200).body("items.id", hasItem(upcoming)).body("items.id", not(hasItem(closed)))
                .body("items.status", everyItem(equalTo("UPCOMING")));
        given().auth().oauth2(Tokens.admin()).queryParam("status", "CLOSED").queryParam("size", 100)
                .when().get("/campaigns")
                .then().statusCode(200).body("items.id", hasItem(closed))
                .body("items.status", everyItem(equalTo("CLOSED")));
        given().auth().oauth2(Tokens.admin()).queryParam("status", "SOON").when().get("/campaigns")
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.admin()).queryParams(Map.of("sort", "name,asc", "fundingPhase", "PHASE_1"))
                .when().get("/campaigns").then().statusCode(200);
    }

    @Test
    void aCampaignIsReadWithItsCategoriesWithoutHibernatePagingInMemory() {
        List<String> warnings;
        try (LogCapture hibernate = LogCapture.start("org.hibernate", Level.WARNING)) {
            // Two categories: the fetch join gives two rows for the one campaign.
            String campaign = Fixtures.openCampaign(10);
            as(Tokens.instructeur()).when().get("/campaigns/" + campaign).then().statusCode(200)
                    .body("eligibleCategories", containsInAnyOrder("PUBLIC", "PRIVATE"));
            Fixtures.draft(Fixtures.lyon(), campaign, 2, Fixtures.MONTHS);
            Fixtures.draft(Fixtures.association(Fixtures.PARIS, "75"), campaign, 2, Fixtures.MONTHS);
            warnings = hibernate.lines();
        }
        // HHH90003004: "firstResult/maxResults specified with collection fetch; applying in memory".
        assertEquals(List.of(), warnings.stream().filter(line -> line.contains("HHH90003004")).toList());
    }
}
