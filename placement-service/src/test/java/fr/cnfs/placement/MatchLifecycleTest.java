package fr.cnfs.placement;

import static fr.cnfs.placement.Fixtures.CONTRACT;
import static fr.cnfs.placement.Fixtures.adviser;
import static fr.cnfs.placement.Fixtures.awaitEvent;
import static fr.cnfs.placement.Fixtures.certify;
import static fr.cnfs.placement.Fixtures.command;
import static fr.cnfs.placement.Fixtures.contract;
import static fr.cnfs.placement.Fixtures.events;
import static fr.cnfs.placement.Fixtures.finalized;
import static fr.cnfs.placement.Fixtures.match;
import static fr.cnfs.placement.Fixtures.newSiret;
import static fr.cnfs.placement.Fixtures.openPost;
import static fr.cnfs.placement.Fixtures.recruit;
import static fr.cnfs.placement.Fixtures.recruited;
import static fr.cnfs.placement.Fixtures.shortlisted;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

/** Every row of the match table through REST on the real database, with the events on the real broker. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class MatchLifecycleTest {

    private static ValidatableResponse getMatch(UUID matchId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/matches/" + matchId).then().statusCode(200);
    }

    private static ValidatableResponse getPost(UUID postId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/posts/" + postId).then().statusCode(200);
    }

    private static ValidatableResponse getAdviser(UUID id) {
        return given().auth().oauth2(Tokens.admin()).when().get("/conseillers/" + id).then().statusCode(200);
    }

    @Test
    void fromProposalToRecruitmentFinalizationRuptureAndItsEnd() {
        String siret = newSiret();
        String structure = Tokens.structure(siret);
        UUID postId = openPost(siret, "69123");
        UUID adviserId = adviser("69381", "COMMUNE");
        certify(adviserId);

        // create: NEW
        UUID matchId = UUID.fromString(given().auth().oauth2(structure).contentType(ContentType.JSON)
                .body(Map.of("postId", postId, "conseillerId", adviserId)).when().post("/matches")
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.containsString("/matches/"))
                .body("state", equalTo("NEW"))
                .body("proximity", equalTo("COMMUNE"))
                .body("conseiller.email", notNullValue())
                .extract().path("id"));

        // NEW --shortlist--> SHORTLISTED
        command(structure, matchId, "shortlist", 200);
        getMatch(matchId).body("state", equalTo("SHORTLISTED"));

        // SHORTLISTED --recruit--> RECRUITED, with a PROPOSED contract
        recruit(siret, matchId, CONTRACT, 200).body("state", equalTo("RECRUITED"))
                .body("contract.state", equalTo("PROPOSED"))
                .body("contract.grossMonthlySalary", equalTo(1900.00f));

        // RECRUITED --cancel-recruitment--> SHORTLISTED, the proposal cancelled
        command(structure, matchId, "cancel-recruitment", 200);
        getMatch(matchId).body("state", equalTo("SHORTLISTED")).body("contract.state", equalTo("CANCELLED"));

        recruit(siret, matchId, CONTRACT, 200).body("state", equalTo("RECRUITED"));
        getPost(postId).body("state", equalTo("VACANT"));

        // RECRUITED --finalize--> FINALIZED: contract active, post OCCUPIED, adviser RECRUITED, ContractStarted
        command(Tokens.admin(), matchId, "finalize", 200);
        String contractId = getMatch(matchId).body("state", equalTo("FINALIZED"))
                .body("contract.state", equalTo("ACTIVE")).body("contract.startedAt", notNullValue())
                .extract().path("contract.id");
        getPost(postId).body("state", equalTo("OCCUPIED"));
        getAdviser(adviserId).body("status", equalTo("RECRUITED"));
        String startedJson = Fixtures.awaitEventJson(ContractStarted.TYPE, postId, "contractId", contractId);
        JsonNode started = Fixtures.read(startedJson);
        assertEquals(adviserId.toString(), started.path("conseillerId").asText());
        assertEquals(siret, started.path("siret").asText());
        assertEquals("CDD", started.path("contractType").asText());
        assertEquals("2024-01-01", started.path("startDate").asText());
        assertEquals("2030-12-31", started.path("endDate").asText());
        // Money in events: euros with two decimals.
        assertTrue(startedJson.contains("\"grossMonthlySalary\":1900.00"), startedJson);
        assertTrue(startedJson.contains("\"weeklyHours\":35.00"), startedJson);
        assertEquals(getPost(postId).extract().path("applicationId").toString(),
                started.path("applicationId").asText());

        // FINALIZED --declare-rupture--> RUPTURE_DECLARED, then cancel-rupture --> FINALIZED
        String yesterday = Fixtures.today().minusDays(1).toString();
        declareRupture(structure, matchId, Map.of("date", yesterday, "reason", "DISMISSAL")).statusCode(200)
                .body("state", equalTo("RUPTURE_DECLARED")).body("contract.rupture.reason", equalTo("DISMISSAL"));
        command(Tokens.admin(), matchId, "cancel-rupture", 200);
        getMatch(matchId).body("state", equalTo("FINALIZED")).body("contract.rupture", nullValue())
                .body("contract.state", equalTo("ACTIVE"));
        getPost(postId).body("state", equalTo("OCCUPIED"));

        // declare again, then RUPTURE_DECLARED --validate-rupture--> ENDED: post VACANT, adviser AVAILABLE, ContractEnded
        declareRupture(structure, matchId, Map.of("date", yesterday, "reason", "RESIGNATION", "comment", "départ"))
                .statusCode(200);
        command(Tokens.admin(), matchId, "validate-rupture", 200);
        getMatch(matchId).body("state", equalTo("ENDED"))
                .body("contract.state", equalTo("ENDED"))
                .body("contract.endedOn", equalTo(yesterday))
                .body("contract.endReason", equalTo("RESIGNATION"))
                .body("history.command", contains("create", "shortlist", "recruit", "cancel-recruitment", "recruit",
                        "finalize", "declare-rupture", "cancel-rupture", "declare-rupture", "validate-rupture"))
                .body("history.to", contains("NEW", "SHORTLISTED", "RECRUITED", "SHORTLISTED", "RECRUITED",
                        "FINALIZED", "RUPTURE_DECLARED", "FINALIZED", "RUPTURE_DECLARED", "ENDED"));
        getPost(postId).body("state", equalTo("VACANT"))
                .body("contracts", hasSize(1))
                .body("contracts[0].id", equalTo(contractId))
                .body("contracts[0].state", equalTo("ENDED"))
                .body("contracts[0].endReason", equalTo("RESIGNATION"));
        getAdviser(adviserId).body("status", equalTo("AVAILABLE"));
        JsonNode ended = awaitEvent(ContractEnded.TYPE, postId, "contractId", contractId);
        assertEquals(yesterday, ended.path("endDate").asText());
        assertEquals("RESIGNATION", ended.path("reason").asText());
        assertEquals(1, events(ContractStarted.TYPE, postId).size());
        assertEquals(1, events(ContractEnded.TYPE, postId).size());
    }

    @Test
    void aNewMatchCanBeDeclinedAndThenNothingElse() {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID matchId = match(siret, postId, adviser("69123", "COMMUNE"));
        given().auth().oauth2(Tokens.structure(siret)).contentType(ContentType.JSON)
                .body(Map.of("reason", "profil trop éloigné")).when().post("/matches/" + matchId + "/decline")
                .then().statusCode(200).body("state", equalTo("DECLINED"))
                .body("history[1].detail", equalTo("profil trop éloigné"));
        for (String illegal : new String[] { "shortlist", "decline", "cancel-recruitment" }) {
            command(Tokens.structure(siret), matchId, illegal, 409);
        }
        getMatch(matchId).body("state", equalTo("DECLINED")).body("history", hasSize(2));
    }

    @Test
    void illegalTransitionsAre409AndChangeNothing() {
        String siret = newSiret();
        String structure = Tokens.structure(siret);
        UUID postId = openPost(siret, "69123");
        UUID matchId = match(siret, postId, adviser("69123", "COMMUNE"));
        int version = getMatch(matchId).extract().path("version");

        for (String illegal : new String[] { "cancel-recruitment" }) {
            command(structure, matchId, illegal, 409);
        }
        recruit(siret, matchId, CONTRACT, 409).body("type", equalTo("urn:cnfs:problem:illegal-transition"))
                .body("detail", equalTo("'recruit' does not apply to a NEW match (only to SHORTLISTED)"));
        declareRupture(structure, matchId, Map.of("date", "2024-06-01", "reason", "RESIGNATION")).statusCode(409);
        for (String adminOnly : new String[] { "finalize", "validate-rupture", "cancel-rupture" }) {
            command(Tokens.admin(), matchId, adminOnly, 409);
        }
        getMatch(matchId).body("state", equalTo("NEW")).body("version", equalTo(version)).body("history", hasSize(1))
                .body("contract", nullValue());

        // A finalized match: nothing but a rupture.
        UUID otherPost = openPost(siret, "69123");
        UUID finalizedId = finalized(siret, otherPost, adviser("69123", "COMMUNE"));
        int finalizedVersion = getMatch(finalizedId).extract().path("version");
        for (String illegal : new String[] { "shortlist", "decline", "cancel-recruitment" }) {
            command(structure, finalizedId, illegal, 409);
        }
        recruit(siret, finalizedId, CONTRACT, 409);
        for (String adminOnly : new String[] { "finalize", "validate-rupture", "cancel-rupture" }) {
            command(Tokens.admin(), finalizedId, adminOnly, 409);
        }
        getMatch(finalizedId).body("state", equalTo("FINALIZED")).body("version", equalTo(finalizedVersion))
                .body("contract.state", equalTo("ACTIVE"));
        getPost(otherPost).body("state", equalTo("OCCUPIED"));
    }

    @Test
    void finalizingMakesTheAdvisersOtherPendingMatchesObsolete() {
        String siretA = newSiret();
        String siretB = newSiret();
        String siretC = newSiret();
        UUID postA = openPost(siretA, "15014");
        UUID postB = openPost(siretB, "15187");
        UUID postC = openPost(siretC, "15012");
        UUID adviserId = adviser("15014", "DEPARTEMENT");
        UUID onA = recruited(siretA, postA, adviserId);
        UUID onB = recruited(siretB, postB, adviserId);
        UUID onC = match(siretC, postC, adviserId);

        command(Tokens.admin(), onA, "finalize", 200);

        getMatch(onB).body("state", equalTo("OBSOLETE")).body("contract.state", equalTo("CANCELLED"))
                .body("history[-1].command", equalTo("obsolete"));
        getMatch(onC).body("state", equalTo("OBSOLETE"));
        getPost(postB).body("state", equalTo("VACANT"));
        command(Tokens.admin(), onB, "finalize", 409);
        // A new match with an adviser who is under contract is refused too.
        given().auth().oauth2(Tokens.structure(siretC)).contentType(ContentType.JSON)
                .body(Map.of("postId", postC, "conseillerId", adviserId)).when().post("/matches")
                .then().statusCode(409).body("type", equalTo("urn:cnfs:problem:conseiller-not-available"));
    }

    @Test
    void aContractProposalBreakingARuleIs422NamingItAndChangesNothing() {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID matchId = shortlisted(siret, postId, adviser("69123", "COMMUNE"));

        Map<String, Map<String, Object>> broken = Map.of(
                "end-date-required", contract(Map.of("contractType", "PEC", "endDate", "")),
                "cdi-without-end-date", contract(Map.of("contractType", "CDI")),
                "end-date-after-start", contract(Map.of("endDate", "2023-12-31")),
                "full-time-35-hours", contract(Map.of("weeklyHours", 28)),
                "salary-at-least-smic", contract(Map.of("grossMonthlySalary", 1766.91)),
                "start-date-covered-by-smic-table", contract(Map.of("startDate", "2020-12-01")));
        broken.forEach((rule, proposal) -> {
            Map<String, Object> body = new java.util.HashMap<>(proposal);
            if ("".equals(body.get("endDate"))) {
                body.remove("endDate");
            }
            recruit(siret, matchId, body, 422).body("type", equalTo("urn:cnfs:problem:" + rule))
                    .body("status", equalTo(422));
        });
        recruit(siret, matchId, contract(Map.of("grossMonthlySalary", 1766.92)), 200).body("state",
                equalTo("RECRUITED"));
        command(Tokens.structure(siret), matchId, "cancel-recruitment", 200);

        recruit(siret, matchId, contract(Map.of("grossMonthlySalary", "1800.555")), 400)
                .body("violations.field", hasItem("grossMonthlySalary"));
        recruit(siret, matchId, contract(Map.of("contractType", "INTERIM")), 400);
        Map<String, Object> withoutSalary = new java.util.HashMap<>(CONTRACT);
        withoutSalary.remove("grossMonthlySalary");
        recruit(siret, matchId, withoutSalary, 400).body("violations.field", hasItem("grossMonthlySalary"));
        getMatch(matchId).body("state", equalTo("SHORTLISTED"));
    }

    @Test
    void aRuptureBreakingARuleIs422NamingIt() {
        String siret = newSiret();
        String structure = Tokens.structure(siret);
        UUID postId = openPost(siret, "69123");
        UUID adviserId = adviser("69123", "COMMUNE");
        UUID matchId = shortlisted(siret, postId, adviserId);
        recruit(siret, matchId, contract(Map.of("startDate", "2025-01-01", "endDate", "2025-12-31",
                "grossMonthlySalary", 1801.80)), 200);
        command(Tokens.admin(), matchId, "finalize", 200);

        declareRupture(structure, matchId, Map.of("date", Fixtures.today().plusDays(1).toString(), "reason",
                "RESIGNATION")).statusCode(422).body("type", equalTo("urn:cnfs:problem:rupture-date-not-in-future"));
        declareRupture(structure, matchId, Map.of("date", "2024-12-31", "reason", "RESIGNATION")).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:rupture-date-not-before-start"));
        declareRupture(structure, matchId, Map.of("date", "2026-01-01", "reason", "RESIGNATION")).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:rupture-date-not-after-end"));
        declareRupture(structure, matchId, Map.of("date", "2025-06-30", "reason", "OTHER")).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:rupture-comment-required"));
        declareRupture(structure, matchId, Map.of("date", "2025-06-30", "reason", "BORED")).statusCode(400);
        getMatch(matchId).body("state", equalTo("FINALIZED")).body("contract.rupture", nullValue());

        declareRupture(structure, matchId, Map.of("date", "2025-12-31", "reason", "END_OF_FUNDING")).statusCode(200);
        command(Tokens.admin(), matchId, "validate-rupture", 200);
        JsonNode ended = awaitEvent(ContractEnded.TYPE, postId, "reason", "END_OF_FUNDING");
        assertEquals("2025-12-31", ended.path("endDate").asText());
    }

    @Test
    void theDailyJobEndsContractsWhoseEndDateHasPassed() {
        String siret = newSiret();
        UUID postId = openPost(siret, "69123");
        UUID adviserId = adviser("69123", "COMMUNE");
        UUID matchId = shortlisted(siret, postId, adviserId);
        recruit(siret, matchId, contract(Map.of("contractType", "CONTRAT_DE_PROJET", "startDate", "2025-01-01",
                "endDate", "2025-12-30", "grossMonthlySalary", 1801.80)), 200);
        command(Tokens.admin(), matchId, "finalize", 200);
        String contractId = getMatch(matchId).extract().path("contract.id");

        runNaturalEnds("2025-12-30").statusCode(200).body("endedContractIds", org.hamcrest.Matchers.not(
                hasItem(contractId)));
        getMatch(matchId).body("state", equalTo("FINALIZED"));

        runNaturalEnds("2025-12-31").statusCode(200).body("asOf", equalTo("2025-12-31"))
                .body("endedContractIds", hasItem(contractId));
        getMatch(matchId).body("state", equalTo("ENDED"))
                .body("contract.endReason", equalTo("NATURAL_END"))
                .body("contract.endedOn", equalTo("2025-12-30"))
                .body("history[-1].command", equalTo("natural-end"));
        getPost(postId).body("state", equalTo("VACANT"));
        getAdviser(adviserId).body("status", equalTo("AVAILABLE"));
        JsonNode ended = awaitEvent(ContractEnded.TYPE, postId, "contractId", contractId);
        assertEquals("NATURAL_END", ended.path("reason").asText());
        assertEquals("2025-12-30", ended.path("endDate").asText());

        runNaturalEnds(null).statusCode(200).body("asOf", equalTo(Fixtures.today().toString()))
                .body("endedContractIds", org.hamcrest.Matchers.not(hasItem(contractId)));
        assertEquals(1, events(ContractEnded.TYPE, postId).size());
        runNaturalEnds(Fixtures.today().plusDays(2).toString()).statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:as-of-not-in-future"));
        given().auth().oauth2(Tokens.structure(siret)).when().post("/contracts/natural-ends").then().statusCode(403);
    }

    private static ValidatableResponse runNaturalEnds(String asOf) {
        var request = given().auth().oauth2(Tokens.admin());
        if (asOf != null) {
            request = request.queryParam("asOf", asOf);
        }
        return request.when().post("/contracts/natural-ends").then();
    }

    private static ValidatableResponse declareRupture(String token, UUID matchId, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType(ContentType.JSON).body(body)
                .when().post("/matches/" + matchId + "/declare-rupture").then();
    }
}
