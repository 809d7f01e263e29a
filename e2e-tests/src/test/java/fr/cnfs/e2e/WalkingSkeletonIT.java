package fr.cnfs.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.ServiceProcess;
import io.restassured.http.ContentType;

/** The foundation's walking skeleton: an approval over HTTP becomes a grant in funding and posts in placement. */
class WalkingSkeletonIT {

    private static RunningSystem system;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        for (ServiceProcess service : system.services().values()) {
            System.out.printf("%s ready in %s, RSS %s%n", service.name(), service.lastStartToReady().orElseThrow(),
                    service.residentMegabytes());
        }
    }

    @Test
    void anApprovedApplicationBecomesAGrantAndPosts() {
        String siret = "21690123100011";
        String applications = system.applications().baseUrl();
        String id = given().baseUri(applications).auth().oauth2(Tokens.structure(siret)).contentType(ContentType.JSON)
                .body(Map.of("structure", Map.of("siret", siret, "name", "Commune de Lyon", "type", "COMMUNE",
                        "communeCode", "69123", "qpv", false, "zrr", false), "postsRequested", 3, "contractMonths", 24))
                .when().post("/applications").then().statusCode(201).extract().path("id");
        given().baseUri(applications).auth().oauth2(Tokens.structure(siret)).when().post("/applications/" + id + "/submit")
                .then().statusCode(200);
        given().baseUri(applications).auth().oauth2(Tokens.instructeur()).when().post("/applications/" + id + "/start-review")
                .then().statusCode(200);
        List<String> postIds = given().baseUri(applications).auth().oauth2(Tokens.instructeur())
                .contentType(ContentType.JSON).body(Map.of("postsGranted", 2, "decisionNumber", "COSELEC 1"))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(200).body("postIds", hasSize(2)).extract().path("postIds");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(system.funding().baseUrl())
                .auth().oauth2(Tokens.finance()).queryParam("applicationId", id).when().get("/grants")
                .then().statusCode(200)
                .body("totalItems", equalTo(1))
                .body("items[0].amountPerPost", equalTo(50000.00f))
                .body("items[0].totalAmount", equalTo(100000.00f))
                .body("items[0].posts.postId", org.hamcrest.Matchers.containsInAnyOrder(postIds.toArray())));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(system.placement().baseUrl())
                .auth().oauth2(Tokens.structure(siret)).queryParam("applicationId", id).when().get("/posts")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.id", org.hamcrest.Matchers.containsInAnyOrder(postIds.toArray()))
                .body("items.state", org.hamcrest.Matchers.everyItem(equalTo("VACANT"))));

        // GrantAwarded travels back: the application shows its grant.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().baseUri(applications)
                .auth().oauth2(Tokens.structure(siret)).when().get("/applications/" + id)
                .then().statusCode(200).body("grantedAmount", equalTo(100000.00f)));
    }

    @Test
    void everyServiceIsReadyAndPublishesItsOpenApiDocument() {
        for (ServiceProcess service : system.services().values()) {
            given().baseUri(service.baseUrl()).when().get("/q/health/ready").then().statusCode(200)
                    .body("status", equalTo("UP"));
            given().baseUri(service.baseUrl()).when().get("/q/health/live").then().statusCode(200);
            String document = given().baseUri(service.baseUrl()).accept("application/json").when().get("/q/openapi")
                    .then().statusCode(200).extract().asString();
            assertEquals(true, document.contains("\"openapi\""), service.name());
            given().baseUri(service.baseUrl()).when().get("/q/swagger-ui/").then().statusCode(200);
        }
    }
}
