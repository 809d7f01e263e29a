package fr.cnfs.applications;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.territory.Siren;
import fr.cnfs.territory.Siret;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Builds the world of a test through the public API: structures, campaigns, applications in a given status. */
final class Fixtures {

    static final String LYON = "69123";
    static final String LYON_SIREN = "216901231";
    static final String MARSEILLE = "13055";
    static final String PARIS = "75056";
    static final String SAINT_DENIS_REUNION = "97411";
    static final String METROPOLE_DE_LYON_SIREN = "200046977";

    private static final AtomicInteger SEQUENCE = new AtomicInteger((int) (System.nanoTime() % 5000));

    private Fixtures() {
    }

    static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    /** A SIRET of the given SIREN not used before in this run. */
    static String siretOf(String siren) {
        return Siret.withCheckDigit(siren + String.format("%04d", SEQUENCE.incrementAndGet() % 10_000)).value();
    }

    /** The SIRET of a fresh private legal entity. */
    static String privateSiret() {
        String siren = Siren.withCheckDigit(String.format("7%07d", SEQUENCE.incrementAndGet() * 7 + 1_000_000)).value();
        return Siret.withCheckDigit(siren + "0001").value();
    }

    static RequestSpecification as(String token) {
        return given().auth().oauth2(token).contentType(ContentType.JSON);
    }

    static Map<String, Object> contact() {
        return Map.of("firstName", "Claire", "lastName", "Martin", "role", "Cheffe de projet",
                "email", "claire.martin@example.fr", "phone", "+33 4 72 10 30 30");
    }

    static Map<String, Object> structureBody(String siret, String type, String communeCode) {
        Map<String, Object> body = new HashMap<>();
        body.put("siret", siret);
        body.put("name", "Structure " + siret);
        body.put("type", type);
        body.put("communeCode", communeCode);
        body.put("qpv", false);
        body.put("zrr", false);
        body.put("contact", contact());
        return body;
    }

    /** A registered structure: its id and SIRET, and a token of its own. */
    record TestStructure(String id, String siret, String departement) {
        String token() {
            return Tokens.structure(siret);
        }
    }

    static TestStructure commune(String communeCode, String siren, String departement) {
        return register(siretOf(siren), "COMMUNE", communeCode, departement);
    }

    static TestStructure lyon() {
        return commune(LYON, LYON_SIREN, "69");
    }

    static TestStructure association(String communeCode, String departement) {
        return register(privateSiret(), "ASSOCIATION", communeCode, departement);
    }

    static TestStructure register(String siret, String type, String communeCode, String departement) {
        String id = as(Tokens.structure(siret)).body(structureBody(siret, type, communeCode))
                .when().post("/structures").then().statusCode(201).extract().path("id");
        return new TestStructure(id, siret, departement);
    }

    static Map<String, Object> campaignBody(LocalDate opensOn, LocalDate closesOn, int quota, List<String> categories,
            String phase) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Campaign " + UUID.randomUUID());
        body.put("opensOn", opensOn.toString());
        body.put("closesOn", closesOn.toString());
        body.put("postQuota", quota);
        body.put("eligibleCategories", categories);
        body.put("fundingPhase", phase);
        return body;
    }

    static String campaign(LocalDate opensOn, LocalDate closesOn, int quota, List<String> categories, String phase) {
        return as(Tokens.instructeur()).body(campaignBody(opensOn, closesOn, quota, categories, phase))
                .when().post("/campaigns").then().statusCode(201).extract().path("id");
    }

    /** Open from ten days ago to a month from now, public and private, phase 1. */
    static String openCampaign(int quota) {
        return campaign(today().minusDays(10), today().plusDays(30), quota, List.of("PUBLIC", "PRIVATE"), "PHASE_1");
    }

    static Map<String, Object> applicationBody(String structureId, String campaignId, int posts, int months) {
        Map<String, Object> body = new HashMap<>();
        body.put("structureId", structureId);
        body.put("campaignId", campaignId);
        body.put("postsRequested", posts);
        body.put("contractMonths", months);
        body.put("desiredStartDate", today().plusMonths(2).toString());
        body.put("motivation", "Des ateliers numériques au plus près des habitants.");
        body.put("franceServicesLabel", true);
        return body;
    }

    static String draft(TestStructure structure, String campaignId, int posts, int months) {
        return as(structure.token()).body(applicationBody(structure.id(), campaignId, posts, months))
                .when().post("/applications").then().statusCode(201).extract().path("id");
    }

    /** 18 months: within phase 1's bounds for public and private structures alike. */
    static final int MONTHS = 18;

    static String submitted(TestStructure structure, String campaignId, int posts) {
        String id = draft(structure, campaignId, posts, MONTHS);
        as(structure.token()).when().post("/applications/" + id + "/submit").then().statusCode(200);
        return id;
    }

    static String underReview(TestStructure structure, String campaignId, int posts) {
        String id = submitted(structure, campaignId, posts);
        as(Tokens.instructeur()).when().post("/applications/" + id + "/start-review").then().statusCode(200);
        return id;
    }

    static String changesRequested(TestStructure structure, String campaignId, int posts) {
        String id = underReview(structure, campaignId, posts);
        as(Tokens.instructeur()).body(Map.of("message", "Précisez les lieux d'accueil."))
                .when().post("/applications/" + id + "/request-changes").then().statusCode(200);
        return id;
    }

    static String approved(TestStructure structure, String campaignId, int posts, int granted) {
        String id = underReview(structure, campaignId, posts);
        as(Tokens.instructeur()).body(Map.of("postsGranted", granted, "decisionNumber", "COSELEC 7"))
                .when().post("/applications/" + id + "/approve").then().statusCode(200);
        return id;
    }

    static String rejected(TestStructure structure, String campaignId, int posts) {
        String id = underReview(structure, campaignId, posts);
        as(Tokens.instructeur()).body(Map.of("reason", "INSUFFICIENT_NEED"))
                .when().post("/applications/" + id + "/reject").then().statusCode(200);
        return id;
    }

    static String withdrawn(TestStructure structure, String campaignId, int posts) {
        String id = draft(structure, campaignId, posts, MONTHS);
        as(structure.token()).when().post("/applications/" + id + "/withdraw").then().statusCode(200);
        return id;
    }

    static String status(String applicationId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/applications/" + applicationId)
                .then().statusCode(200).extract().path("status");
    }
}
