package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.profile;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class ConseillerResourceTest {

    private static ValidatableResponse register(String token, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body).when().post("/conseillers").then();
    }

    private static String subject() {
        return "conseiller-" + UUID.randomUUID();
    }

    @Test
    void anAdviserRegistersItselfAndTheProfileBelongsToItsAccount() {
        String subject = subject();
        String token = Tokens.conseiller(subject);
        Map<String, Object> body = profile("69381", "DEPARTEMENT", "2021-04-01");
        body.put("email", "Camille.MARTIN+" + UUID.randomUUID() + "@Example.org");

        String id = register(token, body).statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/conseillers/"))
                .header("ETag", equalTo("\"0\""))
                .body("communeCode", equalTo("69381"))
                .body("communeName", equalTo("Lyon 1er Arrondissement"))
                .body("epciSiren", equalTo("200046977"))
                .body("departementCode", equalTo("69"))
                .body("regionCode", equalTo("84"))
                .body("territoryZone", equalTo("METRO"))
                .body("email", equalTo(body.get("email").toString().toLowerCase()))
                .body("status", equalTo("AVAILABLE"))
                .body("training.status", equalTo("NOT_STARTED"))
                .body("selfRegistered", equalTo(true))
                .extract().path("id");

        given().auth().oauth2(token).when().get("/conseillers/me").then().statusCode(200).body("id", equalTo(id));
        given().auth().oauth2(token).when().get("/conseillers/" + id).then().statusCode(200);
        given().auth().oauth2(token).when().get("/conseillers").then().statusCode(200)
                .body("totalItems", equalTo(1)).body("items[0].id", equalTo(id));

        // One profile per account, and the email is unique whatever its case.
        register(token, profile("69123", "COMMUNE", "2021-04-01")).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:already-registered"));
        Map<String, Object> sameEmail = profile("69123", "COMMUNE", "2021-04-01");
        sameEmail.put("email", body.get("email").toString().toUpperCase());
        register(Tokens.conseiller(subject()), sameEmail).statusCode(409)
                .body("type", equalTo("urn:cnfs:problem:conseiller-email-unique"));
        register(Tokens.admin(), sameEmail).statusCode(409);

        // An adviser cannot register someone else's account.
        Map<String, Object> forSomeoneElse = profile("69123", "COMMUNE", "2021-04-01");
        forSomeoneElse.put("accountSubject", "someone-else");
        register(Tokens.conseiller(subject()), forSomeoneElse).statusCode(400)
                .body("violations[0].field", equalTo("accountSubject"));
    }

    @Test
    void anAdviserSeesAndEditsOnlyItsOwnProfile() {
        String mine = subject();
        String id = register(Tokens.conseiller(mine), profile("13055", "REGION", "2021-05-01")).statusCode(201)
                .extract().path("id");
        String theirs = register(Tokens.conseiller(subject()), profile("13055", "REGION", "2021-05-01"))
                .statusCode(201).extract().path("id");

        given().auth().oauth2(Tokens.conseiller(mine)).when().get("/conseillers/" + theirs).then().statusCode(404);
        given().auth().oauth2(Tokens.conseiller(mine)).contentType(ContentType.JSON).body(Map.of("mobility", "NATIONAL"))
                .when().patch("/conseillers/" + theirs).then().statusCode(404);
        given().auth().oauth2(Tokens.conseiller(mine)).contentType(ContentType.JSON)
                .body(Map.of("action", "ENROL", "date", "2024-01-01")).when().post("/conseillers/" + theirs + "/training")
                .then().statusCode(404);
        given().auth().oauth2(Tokens.conseiller(subject())).when().get("/conseillers/me").then().statusCode(404);
        given().auth().oauth2(Tokens.conseiller(subject())).when().get("/conseillers").then().statusCode(200)
                .body("totalItems", equalTo(0));

        // Admin sees both; other roles see none.
        given().auth().oauth2(Tokens.admin()).when().get("/conseillers/" + theirs).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).queryParam("departement", "13").queryParam("size", 100)
                .when().get("/conseillers").then().statusCode(200).body("items.id", hasItem(id))
                .body("items.id", hasItem(theirs));
        for (String token : new String[] { Tokens.structure("21690123100011"), Tokens.instructeur(), Tokens.finance(),
                Tokens.prefet("13") }) {
            given().auth().oauth2(token).when().get("/conseillers/" + id).then().statusCode(403);
            given().auth().oauth2(token).when().get("/conseillers").then().statusCode(403);
            register(token, profile("13055", "REGION", "2021-05-01")).statusCode(403);
        }
        given().when().get("/conseillers/" + id).then().statusCode(401);
        given().auth().oauth2(Tokens.admin()).when().get("/conseillers/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aProfileChangeIsAMergePatchHonouringIfMatch() {
        String mine = subject();
        String token = Tokens.conseiller(mine);
        String id = register(token, profile("69123", "COMMUNE", "2021-05-01")).statusCode(201).extract().path("id");

        String etag = given().auth().oauth2(token).contentType("application/merge-patch+json")
                .body(Map.of("communeCode", "97120", "mobility", "DEPARTEMENT", "phone", "+590 590 12 34 56"))
                .when().patch("/conseillers/" + id).then().statusCode(200)
                .body("communeCode", equalTo("97120"))
                .body("departementCode", equalTo("971"))
                .body("regionCode", equalTo("01"))
                .body("territoryZone", equalTo("DROM"))
                .body("mobility", equalTo("DEPARTEMENT"))
                .body("availableFrom", equalTo("2021-05-01"))
                .body("firstName", equalTo("Camille"))
                .extract().header("ETag");

        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", "\"0\"")
                .body(Map.of("jobSeeker", false)).when().patch("/conseillers/" + id).then().statusCode(412)
                .body("type", equalTo("urn:cnfs:problem:stale-version"));
        given().auth().oauth2(token).contentType(ContentType.JSON).header("If-Match", etag)
                .body(Map.of("jobSeeker", false, "status", "UNAVAILABLE")).when().patch("/conseillers/" + id)
                .then().statusCode(200).body("jobSeeker", equalTo(false)).body("status", equalTo("UNAVAILABLE"));

        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("status", "RECRUITED"))
                .when().patch("/conseillers/" + id).then().statusCode(409);
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("communeCode", "99999"))
                .when().patch("/conseillers/" + id).then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:unknown-commune"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("email", "not an email"))
                .when().patch("/conseillers/" + id).then().statusCode(400).body("violations[0].field", equalTo("email"));
        given().auth().oauth2(token).contentType(ContentType.JSON).body(Map.of("mobility", "GALAXY"))
                .when().patch("/conseillers/" + id).then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).when().get("/conseillers/" + id).then().statusCode(200)
                .body("communeCode", equalTo("97120")).body("status", equalTo("UNAVAILABLE"));
    }

    @Test
    void invalidRegistrationsAreRefusedWithTheFieldNamed() {
        register(Tokens.admin(), profile("99999", "COMMUNE", "2021-05-01")).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:unknown-commune"));
        Map<String, Object> missing = profile("69123", "COMMUNE", "2021-05-01");
        missing.remove("mobility");
        missing.put("email", "nope");
        register(Tokens.admin(), missing).statusCode(400)
                .body("violations.field", contains("email", "mobility"));
        Map<String, Object> badDate = profile("69123", "COMMUNE", "someday");
        register(Tokens.admin(), badDate).statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("zone", "ATLANTIS").when().get("/conseillers")
                .then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).queryParam("sort", "salary").when().get("/conseillers")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
    }

    @Test
    void anAdminRegistersAnyoneAndAnIdempotencyKeyMakesRetriesSafe() {
        Map<String, Object> body = profile("33063", "EPCI", "2021-06-01");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/conseillers").then().statusCode(201).body("selfRegistered", equalTo(false))
                .extract().path("id");
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(body).when().post("/conseillers").then().statusCode(201).body("id", equalTo(first));
        given().auth().oauth2(Tokens.admin()).queryParam("email", body.get("email")).when().get("/conseillers")
                .then().statusCode(200).body("totalItems", equalTo(1));

        // Bound to an account by the admin: that adviser then sees it as its own.
        String subject = subject();
        Map<String, Object> bound = profile("33063", "EPCI", "2021-06-01");
        bound.put("accountSubject", subject);
        String boundId = register(Tokens.admin(), bound).statusCode(201).body("selfRegistered", equalTo(true))
                .extract().path("id");
        given().auth().oauth2(Tokens.conseiller(subject)).when().get("/conseillers/me").then().statusCode(200)
                .body("id", equalTo(boundId));
    }

    @Test
    void trainingHasItsOwnStateMachineAndHistory() {
        String subject = subject();
        String token = Tokens.conseiller(subject);
        String id = register(token, profile("59350", "DEPARTEMENT", "2021-05-01")).statusCode(201)
                .extract().path("id");
        String path = "/conseillers/" + id + "/training";

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "CERTIFY", "date", "2024-03-01", "hoursCompleted", 140))
                .when().post(path).then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("action", "CERTIFY", "date", "2024-03-01", "hoursCompleted", 140))
                .when().post(path).then().statusCode(409).body("type", equalTo("urn:cnfs:problem:illegal-transition"));

        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "ENROL", "date", "2024-01-15", "hoursCompleted", 0, "comment", "session Lille"))
                .when().post(path).then().statusCode(200)
                .body("training.status", equalTo("ENROLLED")).body("training.enrolledOn", equalTo("2024-01-15"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "RECORD_PROGRESS", "date", "2024-02-01", "hoursCompleted", 70))
                .when().post(path).then().statusCode(200).body("training.hoursCompleted", equalTo(70));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "RECORD_PROGRESS", "date", "2024-02-02", "hoursCompleted", 60))
                .when().post(path).then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:training-hours-not-decreasing"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "RECORD_PROGRESS", "date", Fixtures.today().plusDays(1).toString()))
                .when().post(path).then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:training-date-not-in-future"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "RECORD_PROGRESS", "date", "2024-01-01"))
                .when().post(path).then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:training-date-not-before-enrolment"));
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "RECORD_PROGRESS", "date", "2024-02-01", "hoursCompleted", -1))
                .when().post(path).then().statusCode(400);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("action", "CERTIFY", "date", "2024-03-01", "hoursCompleted", 140))
                .when().post(path).then().statusCode(200)
                .body("training.status", equalTo("CERTIFIED"))
                .body("training.certifiedOn", equalTo("2024-03-01"))
                .body("training.abandonedOn", nullValue());
        given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(Map.of("action", "ABANDON", "date", "2024-03-02"))
                .when().post(path).then().statusCode(409);

        given().auth().oauth2(token).when().get("/conseillers/" + id).then().statusCode(200)
                .body("training.history", hasSize(3))
                .body("training.history.action", contains("ENROL", "RECORD_PROGRESS", "CERTIFY"))
                .body("training.history.statusAfter", contains("ENROLLED", "ENROLLED", "CERTIFIED"))
                .body("training.history[0].comment", equalTo("session Lille"))
                .body("training.history[2].recordedBy", equalTo("admin:admin-dev"))
                .body("training.history[0].recordedAt", notNullValue());
        given().auth().oauth2(Tokens.admin()).queryParam("trainingStatus", "CERTIFIED").queryParam("communeCode", "59350")
                .queryParam("size", 100).when().get("/conseillers").then().statusCode(200).body("items.id", hasItem(id));
    }
}
