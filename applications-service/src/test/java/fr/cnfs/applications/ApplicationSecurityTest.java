package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.applicationBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.Fixtures.TestStructure;
import fr.cnfs.devstack.DevKeys;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.http.Method;

/**
 * The role rule of every application endpoint, allowed and denied: 401 without a token, 403 for a role the rule does
 * not name, 404 for another structure's (or another département's) object, success for the owner.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class ApplicationSecurityTest {

    private static final String FINANCE = Tokens.finance();
    private static final String CONSEILLER = Tokens.forRole("conseiller");

    private static int call(Method method, String path, String token, Object body) {
        var request = given().contentType(ContentType.JSON);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (body != null) {
            request = request.body(body);
        }
        return request.when().request(method, path).then().extract().statusCode();
    }

    private static void expect(int status, Method method, String path, String token, Object body) {
        org.junit.jupiter.api.Assertions.assertEquals(status, call(method, path, token, body),
                method + " " + path + " with " + describe(token));
    }

    private static String describe(String token) {
        return token == null ? "no token" : "token " + token.substring(Math.max(0, token.length() - 12));
    }

    private static void deniedWithoutTokenAndFor(Method method, String path, Object body, String... tokens) {
        expect(401, method, path, null, body);
        expect(401, method, path, "not.a.jwt", body);
        for (String token : tokens) {
            expect(403, method, path, token, body);
        }
    }

    @Test
    void creatingAnApplicationIsForStructuresAndAdmins() {
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.openCampaign(10);
        var body = applicationBody(lyon.id(), campaign, 1, 24);
        deniedWithoutTokenAndFor(Method.POST, "/applications", body, Tokens.instructeur(), Tokens.prefet("69"),
                FINANCE, CONSEILLER);
        given().auth().oauth2(Tokens.structure(Fixtures.privateSiret())).contentType(ContentType.JSON).body(body)
                .when().post("/applications").then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:unknown-structure"));
        expect(201, Method.POST, "/applications", lyon.token(), body);
    }

    @Test
    void readingAnApplicationAndItsHistory() {
        var lyon = Fixtures.lyon();
        String id = Fixtures.submitted(lyon, Fixtures.openCampaign(10), 1);
        for (String path : List.of("/applications/" + id, "/applications/" + id + "/history")) {
            deniedWithoutTokenAndFor(Method.GET, path, null, FINANCE, CONSEILLER);
            expect(404, Method.GET, path, Tokens.structure(Fixtures.privateSiret()), null);
            expect(404, Method.GET, path, Tokens.prefet("13"), null);
            expect(200, Method.GET, path, lyon.token(), null);
            expect(200, Method.GET, path, Tokens.prefet("69"), null);
            expect(200, Method.GET, path, Tokens.instructeur(), null);
            expect(200, Method.GET, path, Tokens.admin(), null);
        }
        expect(404, Method.GET, "/applications/" + java.util.UUID.randomUUID(), Tokens.admin(), null);
    }

    @Test
    void theStructuresCommandsAreForTheOwner() {
        String campaign = Fixtures.openCampaign(10);
        String stranger = Tokens.structure(Fixtures.privateSiret());
        String[] notStructure = { Tokens.instructeur(), Tokens.prefet("75"), FINANCE, CONSEILLER };

        TestStructure updating = Fixtures.association(Fixtures.PARIS, "75");
        String draft = Fixtures.draft(updating, campaign, 2, 12);
        var patch = Map.of("postsRequested", 1);
        deniedWithoutTokenAndFor(Method.PATCH, "/applications/" + draft, patch, notStructure);
        expect(404, Method.PATCH, "/applications/" + draft, stranger, patch);
        expect(200, Method.PATCH, "/applications/" + draft, updating.token(), patch);

        deniedWithoutTokenAndFor(Method.POST, "/applications/" + draft + "/submit", null, notStructure);
        expect(404, Method.POST, "/applications/" + draft + "/submit", stranger, null);
        expect(200, Method.POST, "/applications/" + draft + "/submit", updating.token(), null);

        TestStructure resubmitting = Fixtures.association(Fixtures.PARIS, "75");
        String changes = Fixtures.changesRequested(resubmitting, campaign, 1);
        deniedWithoutTokenAndFor(Method.POST, "/applications/" + changes + "/resubmit", null, notStructure);
        expect(404, Method.POST, "/applications/" + changes + "/resubmit", stranger, null);
        expect(200, Method.POST, "/applications/" + changes + "/resubmit", resubmitting.token(), null);

        deniedWithoutTokenAndFor(Method.POST, "/applications/" + changes + "/withdraw", null, notStructure);
        expect(404, Method.POST, "/applications/" + changes + "/withdraw", stranger, null);
        expect(200, Method.POST, "/applications/" + changes + "/withdraw", resubmitting.token(), null);
    }

    @Test
    void theReviewCommandsAreForReviewersAndAdmins() {
        String campaign = Fixtures.openCampaign(10);
        TestStructure structure = Fixtures.association(Fixtures.PARIS, "75");
        String[] notReviewer = { structure.token(), Tokens.prefet("75"), FINANCE, CONSEILLER };

        String submitted = Fixtures.submitted(structure, campaign, 2);
        deniedWithoutTokenAndFor(Method.POST, "/applications/" + submitted + "/start-review", null, notReviewer);
        expect(200, Method.POST, "/applications/" + submitted + "/start-review", Tokens.instructeur(), null);

        var message = Map.of("message", "Précisez.");
        deniedWithoutTokenAndFor(Method.POST, "/applications/" + submitted + "/request-changes", message, notReviewer);
        expect(200, Method.POST, "/applications/" + submitted + "/request-changes", Tokens.admin(), message);
        expect(200, Method.POST, "/applications/" + submitted + "/resubmit", structure.token(), null);

        var approval = Map.of("postsGranted", 1, "decisionNumber", "COSELEC 4");
        deniedWithoutTokenAndFor(Method.POST, "/applications/" + submitted + "/approve", approval, notReviewer);
        var rejection = Map.of("reason", "INCOMPLETE_APPLICATION");
        deniedWithoutTokenAndFor(Method.POST, "/applications/" + submitted + "/reject", rejection, notReviewer);
        expect(200, Method.POST, "/applications/" + submitted + "/approve", Tokens.instructeur(), approval);

        TestStructure other = Fixtures.association(Fixtures.PARIS, "75");
        String toReject = Fixtures.underReview(other, campaign, 1);
        expect(200, Method.POST, "/applications/" + toReject + "/reject", Tokens.admin(), rejection);
        expect(404, Method.POST, "/applications/" + java.util.UUID.randomUUID() + "/approve", Tokens.admin(), approval);
    }

    @Test
    void onlyThePrefectOfTheDepartementGivesAnOpinion() {
        TestStructure lyon = Fixtures.lyon();
        String id = Fixtures.submitted(lyon, Fixtures.openCampaign(10), 1);
        String path = "/applications/" + id + "/prefect-opinion";
        var opinion = Map.of("opinion", "UNFAVORABLE", "comment", "Besoin déjà couvert.");
        deniedWithoutTokenAndFor(Method.POST, path, opinion, lyon.token(), Tokens.instructeur(), Tokens.admin(),
                FINANCE, CONSEILLER);
        expect(404, Method.POST, path, Tokens.prefet("13"), opinion);
        String prefectWithoutDepartement = DevKeys.current().mint("prefet-unknown", List.of("prefet"), Map.of(),
                Duration.ofMinutes(10));
        expect(404, Method.POST, path, prefectWithoutDepartement, opinion);
        expect(200, Method.POST, path, Tokens.prefet("69"), opinion);
    }

    @Test
    void commentsAreForThoseInvolved() {
        TestStructure lyon = Fixtures.lyon();
        String id = Fixtures.submitted(lyon, Fixtures.openCampaign(10), 1);
        String path = "/applications/" + id + "/comments";
        var message = Map.of("kind", "MESSAGE", "body", "Bonjour");
        deniedWithoutTokenAndFor(Method.POST, path, message, FINANCE, CONSEILLER);
        deniedWithoutTokenAndFor(Method.GET, path, null, FINANCE, CONSEILLER);
        expect(404, Method.POST, path, Tokens.structure(Fixtures.privateSiret()), message);
        expect(404, Method.GET, path, Tokens.structure(Fixtures.privateSiret()), null);
        expect(404, Method.GET, path, Tokens.prefet("13"), null);
        expect(403, Method.POST, path, lyon.token(), Map.of("kind", "INTERNAL_NOTE", "body", "Note"));
        expect(201, Method.POST, path, lyon.token(), message);
        expect(201, Method.POST, path, Tokens.prefet("69"), Map.of("kind", "INTERNAL_NOTE", "body", "Note"));
        expect(201, Method.POST, path, Tokens.instructeur(), message);
        expect(200, Method.GET, path, lyon.token(), null);
        expect(200, Method.GET, path, Tokens.admin(), null);
    }

    @Test
    void listsAreScopedToTheCallersStructureOrDepartement() {
        String campaign = Fixtures.openCampaign(10);
        TestStructure lyon = Fixtures.lyon();
        TestStructure paris = Fixtures.association(Fixtures.PARIS, "75");
        String lyonApplication = Fixtures.submitted(lyon, campaign, 1);
        String parisApplication = Fixtures.submitted(paris, campaign, 1);

        deniedWithoutTokenAndFor(Method.GET, "/applications", null, FINANCE, CONSEILLER);
        given().auth().oauth2(lyon.token()).queryParam("campaignId", campaign).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(lyonApplication));
        // Asking for another structure's SIRET gives nothing, not its data.
        given().auth().oauth2(lyon.token()).queryParam("siret", paris.siret()).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.prefet("75")).queryParam("campaignId", campaign).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(parisApplication));
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", campaign).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(2));
        // Past the first page the total is counted by the database: the caller's scope applies there too.
        Map<String, Object> secondPageOfOne = Map.of("campaignId", campaign, "size", 1, "page", 1);
        given().auth().oauth2(lyon.token()).queryParams(secondPageOfOne).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items", hasSize(0));
        given().auth().oauth2(Tokens.prefet("75")).queryParams(secondPageOfOne).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items", hasSize(0));
        given().auth().oauth2(Tokens.instructeur()).queryParams(secondPageOfOne).when().get("/applications")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("items", hasSize(1));

        deniedWithoutTokenAndFor(Method.GET, "/applications/export", null, lyon.token(), FINANCE, CONSEILLER);
        String prefectCsv = given().auth().oauth2(Tokens.prefet("75")).queryParam("campaignId", campaign)
                .when().get("/applications/export").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertEquals(2, prefectCsv.split("\r\n").length, prefectCsv);
        org.junit.jupiter.api.Assertions.assertTrue(prefectCsv.contains(parisApplication));
        expect(200, Method.GET, "/applications/export?campaignId=" + campaign, Tokens.instructeur(), null);
    }
}
