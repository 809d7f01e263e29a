package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static fr.cnfs.applications.Fixtures.structureBody;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.territory.Siret;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class StructureResourceTest {

    @Test
    void aCommuneRegistersAndItsTerritoryIsDerivedNotTakenFromInput() {
        String siret = Fixtures.siretOf(Fixtures.LYON_SIREN);
        Map<String, Object> body = structureBody(siret, "COMMUNE", "69123");
        body.put("departementCode", "75");
        body.put("category", "PRIVATE");
        body.put("territoryZone", "DROM");
        String id = as(Tokens.structure(siret)).body(body)
                .when().post("/structures")
                .then().statusCode(201)
                .header("Location", containsString("/structures/"))
                .header("ETag", equalTo("\"0\""))
                .body("siret", equalTo(siret))
                .body("category", equalTo("PUBLIC"))
                .body("communeName", equalTo("Lyon"))
                .body("departementCode", equalTo("69"))
                .body("regionCode", equalTo("84"))
                .body("territoryZone", equalTo("METRO"))
                .body("territoryCode", equalTo("69"))
                .body("contact.email", equalTo("claire.martin@example.fr"))
                .extract().path("id");
        given().auth().oauth2(Tokens.structure(siret)).when().get("/structures/" + id)
                .then().statusCode(200).header("ETag", equalTo("\"0\"")).body("name", equalTo("Structure " + siret));
    }

    @Test
    void anOverseasAssociationIsPrivateInItsDrom() {
        var structure = Fixtures.association(Fixtures.SAINT_DENIS_REUNION, "974");
        given().auth().oauth2(Tokens.admin()).when().get("/structures/" + structure.id())
                .then().statusCode(200)
                .body("category", equalTo("PRIVATE"))
                .body("departementCode", equalTo("974"))
                .body("regionCode", equalTo("04"))
                .body("territoryZone", equalTo("DROM"))
                .body("territoryCode", equalTo("974"));
    }

    @Test
    void aSiretRegistersOnce() {
        String siret = Fixtures.siretOf(Fixtures.LYON_SIREN);
        as(Tokens.structure(siret)).body(structureBody(siret, "COMMUNE", "69123")).when().post("/structures")
                .then().statusCode(201);
        as(Tokens.structure(siret)).body(structureBody(siret, "COMMUNE", "69123")).when().post("/structures")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:duplicate-siret"));
    }

    @Test
    void aCommuneSiretThatDoesNotStartWithTheCommunesSirenIsRefused() {
        String marseilleSiret = Fixtures.siretOf("211300553");
        as(Tokens.admin()).body(structureBody(marseilleSiret, "COMMUNE", "69123")).when().post("/structures")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:siret-siren-mismatch"))
                .body("detail", containsString("must start with the SIREN of Lyon (69123), 216901231"));
    }

    @Test
    void anEpciSiretMustBeTheSirenOfTheEpciOfItsSeat() {
        String metropole = Fixtures.siretOf(Fixtures.METROPOLE_DE_LYON_SIREN);
        as(Tokens.structure(metropole)).body(structureBody(metropole, "EPCI", "69123")).when().post("/structures")
                .then().statusCode(201).body("category", equalTo("PUBLIC"));
        String marseilleMetropole = Fixtures.siretOf("200054807");
        as(Tokens.admin()).body(structureBody(marseilleMetropole, "EPCI", "69123")).when().post("/structures")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:siret-siren-mismatch"))
                .body("detail", containsString("200046977"));
    }

    @Test
    void anUnknownCommuneCodeIsRefused() {
        String siret = Fixtures.privateSiret();
        as(Tokens.admin()).body(structureBody(siret, "ASSOCIATION", "99999")).when().post("/structures")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:unknown-commune"));
    }

    @Test
    void aSiretWithABadCheckDigitIsInvalidInput() {
        String valid = Fixtures.privateSiret();
        String wrong = valid.substring(0, 13) + ((valid.charAt(13) - '0' + 1) % 10);
        as(Tokens.admin()).body(structureBody(wrong, "ASSOCIATION", "75056")).when().post("/structures")
                .then().statusCode(400).body("violations[0].field", equalTo("siret"))
                .body("violations[0].message", equalTo("invalid SIRET check digit (Luhn)"));
        as(Tokens.admin()).body(structureBody("2169012310001", "ASSOCIATION", "75056")).when().post("/structures")
                .then().statusCode(400).body("violations.field", hasItem("siret"));
    }

    @Test
    void aLaPosteEstablishmentPassesOnItsDigitSum() {
        String laPoste = Siret.withCheckDigit("3560000000123").value();
        as(Tokens.structure(laPoste)).body(structureBody(laPoste, "ESS_COMPANY", "75056")).when().post("/structures")
                .then().statusCode(201).body("siret", equalTo(laPoste));
    }

    @Test
    void aStructureRegistersItsOwnSiretOnly() {
        String mine = Fixtures.privateSiret();
        String other = Fixtures.privateSiret();
        as(Tokens.structure(mine)).body(structureBody(other, "ASSOCIATION", "75056")).when().post("/structures")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void registeringNeedsATokenAndTheRightRole() {
        String siret = Fixtures.privateSiret();
        given().contentType("application/json").body(structureBody(siret, "ASSOCIATION", "75056"))
                .when().post("/structures").then().statusCode(401).contentType("application/problem+json");
        for (String role : new String[] { "instructeur", "prefet", "finance", "conseiller" }) {
            as(Tokens.forRole(role)).body(structureBody(siret, "ASSOCIATION", "75056")).when().post("/structures")
                    .then().statusCode(403);
        }
        as(Tokens.admin()).body(structureBody(siret, "ASSOCIATION", "75056")).when().post("/structures")
                .then().statusCode(201);
    }

    @Test
    void readingAStructureIsForItsOwnerItsPrefectAndReviewers() {
        var lyon = Fixtures.lyon();
        String path = "/structures/" + lyon.id();
        given().when().get(path).then().statusCode(401);
        given().auth().oauth2(Tokens.finance()).when().get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.forRole("conseiller")).when().get(path).then().statusCode(403);
        given().auth().oauth2(Tokens.structure(Fixtures.privateSiret())).when().get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.prefet("13")).when().get(path).then().statusCode(404);
        given().auth().oauth2(Tokens.prefet("69")).when().get(path).then().statusCode(200);
        given().auth().oauth2(lyon.token()).when().get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.instructeur()).when().get(path).then().statusCode(200);
        given().auth().oauth2(Tokens.admin()).when().get(path).then().statusCode(200);
    }

    @Test
    void onlyTheContactChangesAndIfMatchMustBeCurrent() {
        var lyon = Fixtures.lyon();
        String path = "/structures/" + lyon.id();
        as(lyon.token()).header("If-Match", "\"0\"").body(Map.of("contact", Map.of("email", "new@mairie-lyon.fr")))
                .when().patch(path)
                .then().statusCode(200).header("ETag", equalTo("\"1\""))
                .body("contact.email", equalTo("new@mairie-lyon.fr"))
                .body("contact.firstName", equalTo("Claire"))
                .body("version", equalTo(1));
        as(lyon.token()).header("If-Match", "\"0\"").body(Map.of("contact", Map.of("phone", "0472000000")))
                .when().patch(path)
                .then().statusCode(412).body("type", equalTo("urn:cnfs:problem:stale-version"));
        as(lyon.token()).body(Map.of("name", "Autre nom", "contact", Map.of("phone", "0472000000")))
                .when().patch(path)
                .then().statusCode(400).body("violations[0].field", equalTo("name"));
        as(lyon.token()).body(Map.of("contact", Map.of("email", "not-an-email")))
                .when().patch(path)
                .then().statusCode(400).body("violations[0].field", equalTo("contact.email"));
        given().auth().oauth2(Tokens.admin()).when().get(path)
                .then().body("name", equalTo("Structure " + lyon.siret())).body("version", equalTo(1));
    }

    @Test
    void changingTheContactIsForTheOwnerAndAdmins() {
        var lyon = Fixtures.lyon();
        String path = "/structures/" + lyon.id();
        var patch = Map.of("contact", Map.of("role", "DGS"));
        given().contentType("application/json").body(patch).when().patch(path).then().statusCode(401);
        for (String role : new String[] { "instructeur", "prefet", "finance", "conseiller" }) {
            as(Tokens.forRole(role)).body(patch).when().patch(path).then().statusCode(403);
        }
        as(Tokens.structure(Fixtures.privateSiret())).body(patch).when().patch(path).then().statusCode(404);
        as(lyon.token()).body(patch).when().patch(path).then().statusCode(200);
        as(Tokens.admin()).body(patch).when().patch(path).then().statusCode(200);
    }

    @Test
    void theListFiltersAndScopesByCaller() {
        var reunion = Fixtures.association(Fixtures.SAINT_DENIS_REUNION, "974");
        var lyon = Fixtures.lyon();
        given().auth().oauth2(Tokens.instructeur()).queryParam("zone", "DROM").queryParam("category", "PRIVATE")
                .queryParam("size", 100)
                .when().get("/structures")
                .then().statusCode(200)
                .body("items.siret", hasItem(reunion.siret()))
                .body("items.territoryZone", everyItem(equalTo("DROM")));
        given().auth().oauth2(Tokens.instructeur()).queryParam("departement", "69").queryParam("type", "COMMUNE")
                .queryParam("siret", lyon.siret())
                .when().get("/structures")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(lyon.id()));
        given().auth().oauth2(Tokens.instructeur()).queryParam("region", "04").queryParam("q", "STRUCTURE " + reunion.siret())
                .when().get("/structures")
                .then().statusCode(200).body("totalItems", equalTo(1));
        given().auth().oauth2(lyon.token()).queryParam("size", 100).when().get("/structures")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].siret", equalTo(lyon.siret()));
        given().auth().oauth2(Tokens.prefet("974")).queryParam("size", 100).when().get("/structures")
                .then().statusCode(200).body("items.departementCode", everyItem(equalTo("974")))
                .body("items.siret", not(hasItem(lyon.siret())));
        given().auth().oauth2(Tokens.finance()).when().get("/structures").then().statusCode(403);
        given().when().get("/structures").then().statusCode(401);
    }

    @Test
    void aBadFilterOrSortIsInvalidInputNotANotFound() {
        given().auth().oauth2(Tokens.admin()).queryParam("zone", "MOON").when().get("/structures")
                .then().statusCode(400).body("violations[0].field", equalTo("zone"));
        given().auth().oauth2(Tokens.admin()).queryParam("sort", "contact,asc").when().get("/structures")
                .then().statusCode(400).body("violations[0].field", equalTo("sort"));
        given().auth().oauth2(Tokens.admin()).queryParam("size", 500).when().get("/structures")
                .then().statusCode(400);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyRegistersOnce() {
        String siret = Fixtures.privateSiret();
        var body = structureBody(siret, "ASSOCIATION", "75056");
        String first = as(Tokens.admin()).header("Idempotency-Key", "retry-" + siret).body(body)
                .when().post("/structures").then().statusCode(201).header("Idempotency-Replayed", nullValue())
                .extract().path("id");
        as(Tokens.admin()).header("Idempotency-Key", "retry-" + siret).body(body)
                .when().post("/structures").then().statusCode(201).header("Idempotency-Replayed", equalTo("true"))
                .body("id", equalTo(first));
        body.put("name", "Another name");
        as(Tokens.admin()).header("Idempotency-Key", "retry-" + siret).body(body)
                .when().post("/structures").then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:idempotency-key-reused"));
        as(Tokens.admin()).header("Idempotency-Key", "bad key with spaces").body(body)
                .when().post("/structures").then().statusCode(400).body("violations[0].field", equalTo("Idempotency-Key"));
    }
}
