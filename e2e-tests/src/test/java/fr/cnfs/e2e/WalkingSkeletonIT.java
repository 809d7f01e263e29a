package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.ServiceProcess;
import fr.cnfs.devstack.Tokens;

/**
 * The foundation's walking skeleton, grown with the services: an approval over HTTP becomes a grant in funding and
 * posts in placement; an adviser is recruited and finalized on a post, and funding makes its first tranche due.
 */
class WalkingSkeletonIT {

    private static RunningSystem system;
    private static Programme programme;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        programme = system.programme();
        for (ServiceProcess service : system.services()) {
            System.out.printf("%s ready in %s, RSS %s%n", service.name(), service.lastStartToReady().orElseThrow(),
                    service.residentMegabytes());
        }
    }

    @Test
    void anApprovedApplicationBecomesAGrantAndPostsAndARecruitmentMakesTheFirstTrancheDue() {
        var lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String campaignId = programme.openCampaign("AMI skeleton " + UUID.randomUUID(), 100);
        String applicationId = programme.applyAndStartReview(lyon, campaignId, 3, 24);
        List<String> postIds = programme.approve(applicationId, 2, "COSELEC 1").statusCode(200)
                .body("postIds", hasSize(2)).extract().path("postIds");

        Map<String, Object> grant = programme.awaitGrant(applicationId);
        ProgrammeStory.assertAmount(new java.math.BigDecimal("50000.00"), grant.get("amountPerPost"));
        ProgrammeStory.assertAmount(new java.math.BigDecimal("100000.00"), grant.get("totalAmount"));
        assertEquals(postIds.stream().sorted().toList(), programme.awaitPosts(applicationId, 2).stream().sorted().toList());

        String conseillerId = programme.registerConseiller("69123", "COMMUNE");
        LocalDate start = LocalDate.now().minusDays(20);
        programme.hire(lyon, postIds.get(0), conseillerId, start, 24, new BigDecimal("1900.00"));

        Map<String, Object> firstTranche = programme.awaitTranche(postIds.get(0), 1, "DUE");
        ProgrammeStory.assertAmount(new java.math.BigDecimal("25000.00"), firstTranche.get("amount"));
        assertEquals(start.toString(), firstTranche.get("dueDate"));
        Programme.as(system.placement(), lyon.token()).when().get("/posts/" + postIds.get(0))
                .then().statusCode(200).body("state", equalTo("OCCUPIED"));

        // GrantAwarded travels back: the application shows its grant.
        org.awaitility.Awaitility.await().atMost(Programme.EVENTUALLY).untilAsserted(() -> Programme
                .as(system.applications(), lyon.token()).when().get("/applications/" + applicationId)
                .then().statusCode(200).body("grantedAmount",
                        org.hamcrest.Matchers.comparesEqualTo(new java.math.BigDecimal("100000.00"))));
    }

    @Test
    void everyServiceIsReadyAndPublishesItsOpenApiDocument() {
        for (ServiceProcess service : system.services()) {
            given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(service.baseUrl()).when().get("/q/health/live").then().statusCode(200);
            String document = given().baseUri(service.baseUrl()).accept("application/json").when().get("/q/openapi")
                    .then().statusCode(200).extract().asString();
            assertTrue(document.contains("\"openapi\""), service.name());
            given().baseUri(service.baseUrl()).when().get("/q/swagger-ui/").then().statusCode(200);
            given().baseUri(service.baseUrl()).when().get("/webhooks").then().statusCode(401);
            given().baseUri(service.baseUrl()).auth().oauth2(Tokens.admin()).when().get("/webhooks")
                    .then().statusCode(200);
        }
    }
}
