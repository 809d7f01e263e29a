package fr.cnfs.applications;

import static fr.cnfs.applications.Fixtures.as;
import static fr.cnfs.applications.Fixtures.applicationBody;
import static fr.cnfs.applications.Fixtures.today;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.ApplicationRejected;
import fr.cnfs.contracts.events.ApplicationSubmitted;
import fr.cnfs.contracts.events.ApplicationWithdrawn;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Every row of the table through REST, with the events each one publishes. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class ApplicationLifecycleTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void createSubmitReviewApproveEmitsApplicationApprovedWithOnePostIdPerGrantedPost() throws Exception {
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.campaign(today().minusDays(3), today().plusDays(3), 4000, List.of("PUBLIC"), "PHASE_1");
        String id = as(lyon.token()).body(applicationBody(lyon.id(), campaign, 3, 24))
                .when().post("/applications")
                .then().statusCode(201)
                .header("ETag", equalTo("\"0\""))
                .body("status", equalTo("DRAFT"))
                .body("structure.siret", equalTo(lyon.siret()))
                .body("structure.category", equalTo("PUBLIC"))
                .body("structure.departementCode", equalTo("69"))
                .body("campaign.fundingPhase", equalTo("PHASE_1"))
                .body("franceServicesLabel", equalTo(true))
                .body("submittedAt", nullValue())
                .extract().path("id");

        as(lyon.token()).when().post("/applications/" + id + "/submit")
                .then().statusCode(200).body("status", equalTo("SUBMITTED")).body("submittedAt", notNullValue());
        JsonNode submitted = event(id, ApplicationSubmitted.TYPE);
        assertEquals(3, submitted.get("postsRequested").asInt());
        assertEquals(24, submitted.get("contractMonths").asInt());
        assertEquals(lyon.siret(), submitted.get("structure").get("siret").asText());

        as(Tokens.instructeur()).when().post("/applications/" + id + "/start-review")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        List<String> postIds = as(Tokens.instructeur())
                .body(Map.of("postsGranted", 2, "decisionNumber", "COSELEC 1", "priority", true, "comment", "Vu."))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(200)
                .body("status", equalTo("APPROVED"))
                .body("postsGranted", equalTo(2))
                .body("decisionNumber", equalTo("COSELEC 1"))
                .body("priority", equalTo(true))
                .body("decidedAt", notNullValue())
                .body("postIds", hasSize(2))
                .extract().path("postIds");

        // Read again, alone and in a page, the granted post ids are loaded on demand and are those of the decision.
        as(Tokens.instructeur()).when().get("/applications/" + id)
                .then().statusCode(200).body("postIds", equalTo(postIds));
        as(Tokens.instructeur()).queryParam("campaignId", campaign).queryParam("status", "APPROVED")
                .when().get("/applications")
                .then().statusCode(200).body("items.find { it.id == '%s' }.postIds".formatted(id), equalTo(postIds));

        JsonNode approved = event(id, ApplicationApproved.TYPE);
        assertEquals(2, approved.get("postsGranted").asInt());
        assertEquals(postIds, List.of(approved.get("postIds").get(0).asText(), approved.get("postIds").get(1).asText()));
        assertEquals(campaign, approved.get("campaignId").asText());
        assertEquals("PHASE_1", approved.get("fundingPhase").asText());
        assertEquals(3, approved.get("recruitmentDeadlineMonths").asInt());
        assertEquals(24, approved.get("contractMonths").asInt());
        assertEquals("COSELEC 1", approved.get("decisionNumber").asText());
        JsonNode structure = approved.get("structure");
        assertEquals(lyon.siret(), structure.get("siret").asText());
        assertEquals("COMMUNE", structure.get("type").asText());
        assertEquals("PUBLIC", structure.get("category").asText());
        assertEquals("69123", structure.get("communeCode").asText());
        assertEquals("69", structure.get("departementCode").asText());
        assertEquals("84", structure.get("regionCode").asText());
        assertEquals("METRO", structure.get("territoryZone").asText());
        assertEquals("69", structure.get("territoryCode").asText());
    }

    @Test
    void reviewersAskForChangesTheStructureUpdatesAndResubmits() {
        var structure = Fixtures.association(Fixtures.PARIS, "75");
        String campaign = Fixtures.openCampaign(100);
        String id = Fixtures.underReview(structure, campaign, 4);
        as(Tokens.instructeur()).body(Map.of("message", "Précisez les lieux d'accueil."))
                .when().post("/applications/" + id + "/request-changes")
                .then().statusCode(200).body("status", equalTo("CHANGES_REQUESTED"));
        long version = ((Number) given().auth().oauth2(structure.token()).when().get("/applications/" + id)
                .then().extract().path("version")).longValue();
        as(structure.token()).header("If-Match", "\"" + version + "\"")
                .body(Map.of("postsRequested", 2, "motivation", "Deux lieux : mairie et médiathèque."))
                .when().patch("/applications/" + id)
                .then().statusCode(200).body("status", equalTo("CHANGES_REQUESTED")).body("postsRequested", equalTo(2))
                .header("ETag", equalTo("\"" + (version + 1) + "\""));
        as(structure.token()).body(Map.of("comment", "Lieux précisés."))
                .when().post("/applications/" + id + "/resubmit")
                .then().statusCode(200).body("status", equalTo("UNDER_REVIEW"));
        given().auth().oauth2(structure.token()).when().get("/applications/" + id + "/history")
                .then().statusCode(200)
                .body("items.action", equalTo(List.of("CREATE", "SUBMIT", "START_REVIEW", "REQUEST_CHANGES",
                        "UPDATE", "RESUBMIT")))
                .body("items[3].comment", equalTo("Précisez les lieux d'accueil."))
                .body("items[4].comment", equalTo("changed: postsRequested, motivation"))
                .body("items[5].comment", equalTo("Lieux précisés."));
    }

    @Test
    void aDraftIsUpdatedWithIfMatchAndOnlyItsOwnFields() {
        var lyon = Fixtures.lyon();
        String id = Fixtures.draft(lyon, Fixtures.openCampaign(100), 3, 24);
        as(lyon.token()).header("If-Match", "\"0\"").body(Map.of("contractMonths", 12, "franceServicesLabel", false))
                .when().patch("/applications/" + id)
                .then().statusCode(200).body("status", equalTo("DRAFT")).body("contractMonths", equalTo(12))
                .body("franceServicesLabel", equalTo(false)).body("version", equalTo(1));
        as(lyon.token()).header("If-Match", "\"0\"").body(Map.of("postsRequested", 1))
                .when().patch("/applications/" + id)
                .then().statusCode(412);
        as(lyon.token()).body(Map.of("contractMonths", 30))
                .when().patch("/applications/" + id)
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:contract-months-out-of-bounds"));
        as(lyon.token()).body(Map.of("status", "APPROVED"))
                .when().patch("/applications/" + id)
                .then().statusCode(400).body("violations[0].field", equalTo("status"));
        as(lyon.token()).body(Map.of("postsRequested", 51, "desiredStartDate", "2001-01-01"))
                .when().patch("/applications/" + id)
                .then().statusCode(400).body("violations", hasSize(2));
        given().auth().oauth2(lyon.token()).when().get("/applications/" + id)
                .then().body("contractMonths", equalTo(12)).body("postsRequested", equalTo(3)).body("version", equalTo(1));
    }

    @Test
    void reviewersRejectForAReasonOfTheFixedList() throws Exception {
        var structure = Fixtures.association(Fixtures.MARSEILLE, "13");
        String id = Fixtures.underReview(structure, Fixtures.openCampaign(100), 2);
        as(Tokens.instructeur()).body(Map.of("reason", "OTHER"))
                .when().post("/applications/" + id + "/reject")
                .then().statusCode(400).body("violations[0].field", equalTo("comment"));
        as(Tokens.instructeur()).body(Map.of("reason", "TOO_LATE"))
                .when().post("/applications/" + id + "/reject")
                .then().statusCode(400);
        assertEquals("UNDER_REVIEW", Fixtures.status(id));
        as(Tokens.instructeur()).body(Map.of("reason", "QUOTA_EXHAUSTED", "comment", "Quota atteint."))
                .when().post("/applications/" + id + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReason", equalTo("QUOTA_EXHAUSTED")).body("decisionComment", equalTo("Quota atteint."));
        JsonNode rejected = event(id, ApplicationRejected.TYPE);
        assertEquals("QUOTA_EXHAUSTED", rejected.get("reason").asText());
        assertEquals(structure.siret(), rejected.get("siret").asText());
    }

    @Test
    void aStructureWithdrawsFromEveryStatusBeforeTheDecision() throws Exception {
        String campaign = Fixtures.openCampaign(100);
        var draft = Fixtures.association(Fixtures.PARIS, "75");
        var submitted = Fixtures.association(Fixtures.PARIS, "75");
        var underReview = Fixtures.association(Fixtures.PARIS, "75");
        var changesRequested = Fixtures.association(Fixtures.PARIS, "75");
        Map<Fixtures.TestStructure, String> applications = Map.of(
                draft, Fixtures.draft(draft, campaign, 1, 12),
                submitted, Fixtures.submitted(submitted, campaign, 1),
                underReview, Fixtures.underReview(underReview, campaign, 1),
                changesRequested, Fixtures.changesRequested(changesRequested, campaign, 1));
        for (var entry : applications.entrySet()) {
            as(entry.getKey().token()).body(Map.of("comment", "Projet reporté."))
                    .when().post("/applications/" + entry.getValue() + "/withdraw")
                    .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            JsonNode withdrawn = event(entry.getValue(), ApplicationWithdrawn.TYPE);
            assertEquals(campaign, withdrawn.get("campaignId").asText());
        }
        // A withdrawal without a body works too.
        var another = Fixtures.association(Fixtures.PARIS, "75");
        String id = Fixtures.draft(another, campaign, 1, 12);
        as(another.token()).when().post("/applications/" + id + "/withdraw")
                .then().statusCode(200).body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void submittingIsOnlyPossibleWhileTheCampaignIsOpen() {
        var lyon = Fixtures.lyon();
        String upcoming = Fixtures.campaign(today().plusDays(2), today().plusDays(40), 10, List.of("PUBLIC"), "PHASE_1");
        String id = Fixtures.draft(lyon, upcoming, 1, 24);
        as(lyon.token()).when().post("/applications/" + id + "/submit")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:campaign-not-open"));
        assertEquals("DRAFT", Fixtures.status(id));

        String closed = Fixtures.campaign(today().minusDays(40), today().minusDays(1), 10, List.of("PUBLIC"), "PHASE_1");
        as(lyon.token()).body(applicationBody(lyon.id(), closed, 1, 24)).when().post("/applications")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:campaign-closed"));
    }

    @Test
    void theCampaignDecidesWhoMayApplyAndForHowLong() {
        var association = Fixtures.association(Fixtures.PARIS, "75");
        var lyon = Fixtures.lyon();
        String publicOnly = Fixtures.campaign(today(), today().plusDays(10), 10, List.of("PUBLIC"), "PHASE_1");
        as(association.token()).body(applicationBody(association.id(), publicOnly, 1, 12)).when().post("/applications")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:category-not-eligible"));
        String phaseOne = Fixtures.openCampaign(10);
        as(lyon.token()).body(applicationBody(lyon.id(), phaseOne, 1, 25)).when().post("/applications")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:contract-months-out-of-bounds"))
                .body("detail", containsString("12..24"));
        as(association.token()).body(applicationBody(association.id(), phaseOne, 1, 24)).when().post("/applications")
                .then().statusCode(422).body("detail", containsString("12..18"));
        String phaseTwo = Fixtures.campaign(today(), today().plusDays(10), 10, List.of("PUBLIC", "PRIVATE"), "PHASE_2");
        as(lyon.token()).body(applicationBody(lyon.id(), phaseTwo, 1, 24)).when().post("/applications")
                .then().statusCode(422).body("detail", containsString("36"));
        as(lyon.token()).body(applicationBody(lyon.id(), phaseTwo, 1, 36)).when().post("/applications")
                .then().statusCode(201);
    }

    @Test
    void aStructureHasOneApplicationInProgressPerCampaign() {
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.openCampaign(10);
        String first = Fixtures.draft(lyon, campaign, 1, 24);
        as(lyon.token()).body(applicationBody(lyon.id(), campaign, 2, 24)).when().post("/applications")
                .then().statusCode(409).body("type", equalTo("urn:cnfs:problem:duplicate-application"))
                .body("detail", containsString(first));
        as(lyon.token()).when().post("/applications/" + first + "/withdraw").then().statusCode(200);
        as(lyon.token()).body(applicationBody(lyon.id(), campaign, 2, 24)).when().post("/applications")
                .then().statusCode(201);
        // Another campaign is another matter.
        Fixtures.draft(lyon, Fixtures.openCampaign(10), 1, 24);
    }

    @Test
    void creationsRacingForOneStructureAndCampaignLeaveOneApplicationAndNameIt() throws Exception {
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.openCampaign(10);
        List<io.restassured.response.Response> responses = createAtOnce(lyon, campaign, 8);
        List<String> created = responses.stream().filter(response -> response.statusCode() == 201)
                .map(response -> response.jsonPath().getString("id")).toList();
        assertEquals(1, created.size(), "one creation wins");
        responses.stream().filter(response -> response.statusCode() != 201).forEach(response -> {
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals("urn:cnfs:problem:duplicate-application", response.jsonPath().getString("type"));
            assertTrue(response.jsonPath().getString("detail").contains(created.get(0)), response.asString());
        });
        as(Tokens.instructeur()).queryParam("structureId", lyon.id()).queryParam("campaignId", campaign)
                .when().get("/applications").then().statusCode(200).body("totalItems", equalTo(1));
    }

    @Test
    void moreCollidingCreationsThanDatabaseConnectionsAllAnswer409NamingTheOpenApplication() throws Exception {
        // Each collision used to read the open application on a second connection while its failed insert held the
        // first; with as many collisions as connections, every one of them waited for a connection none would free.
        int connections = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.openCampaign(10);
        String open = Fixtures.draft(lyon, campaign, 1, 24);
        for (io.restassured.response.Response response : createAtOnce(lyon, campaign, connections + 4)) {
            assertEquals(409, response.statusCode(), response.asString());
            assertEquals("urn:cnfs:problem:duplicate-application", response.jsonPath().getString("type"));
            assertTrue(response.jsonPath().getString("detail").contains(open), response.asString());
        }
    }

    /** {@code count} identical creations by {@code structure} in {@code campaign}, released at the same moment. */
    private static List<io.restassured.response.Response> createAtOnce(Fixtures.TestStructure structure,
            String campaign, int count) throws Exception {
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(count);
        try {
            List<Future<io.restassured.response.Response>> answers = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return as(structure.token()).body(applicationBody(structure.id(), campaign, 1, 24))
                            .post("/applications");
                }));
            }
            go.countDown();
            List<io.restassured.response.Response> responses = new ArrayList<>();
            for (Future<io.restassured.response.Response> answer : answers) {
                responses.add(answer.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anApplicationNamesARegisteredStructureOfTheCallerAndAnExistingCampaign() {
        var lyon = Fixtures.lyon();
        var other = Fixtures.association(Fixtures.PARIS, "75");
        String campaign = Fixtures.openCampaign(10);
        as(lyon.token()).body(applicationBody(other.id(), campaign, 1, 12)).when().post("/applications")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:unknown-structure"));
        as(lyon.token()).body(applicationBody(java.util.UUID.randomUUID().toString(), campaign, 1, 12))
                .when().post("/applications").then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:unknown-structure"));
        as(lyon.token()).body(applicationBody(lyon.id(), java.util.UUID.randomUUID().toString(), 1, 12))
                .when().post("/applications").then().statusCode(422)
                .body("type", equalTo("urn:cnfs:problem:unknown-campaign"));
        var body = applicationBody(lyon.id(), campaign, 51, 12);
        body.put("motivation", "x".repeat(2_501));
        body.remove("desiredStartDate");
        as(lyon.token()).body(body).when().post("/applications")
                .then().statusCode(400).body("violations.field",
                        equalTo(List.of("desiredStartDate", "motivation", "postsRequested")));
        // An admin creates on any structure's behalf.
        as(Tokens.admin()).body(applicationBody(other.id(), campaign, 1, 12)).when().post("/applications")
                .then().statusCode(201);
    }

    @Test
    void approvingMorePostsThanRequestedIsRefusedAndChangesNothing() {
        var lyon = Fixtures.lyon();
        String campaign = Fixtures.openCampaign(100);
        String id = Fixtures.underReview(lyon, campaign, 2);
        as(Tokens.instructeur()).body(Map.of("postsGranted", 3, "decisionNumber", "COSELEC 3"))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:posts-granted-above-requested"));
        as(Tokens.instructeur()).body(Map.of("postsGranted", 1, "decisionNumber", "Comité 3"))
                .when().post("/applications/" + id + "/approve")
                .then().statusCode(400).body("violations[0].field", equalTo("decisionNumber"));
        given().auth().oauth2(Tokens.instructeur()).when().get("/applications/" + id)
                .then().body("status", equalTo("UNDER_REVIEW")).body("postIds", hasSize(0));
        given().auth().oauth2(Tokens.instructeur()).when().get("/campaigns/" + campaign)
                .then().body("postsGranted", equalTo(0));
    }

    private JsonNode event(String applicationId, String type) throws Exception {
        ConsumerRecord<String, String> record = TopicProbe.onDevstack()
                .await(Topics.APPLICATIONS, r -> applicationId.equals(r.key())
                        && type.equals(TopicProbe.header(r, "ce_type")), Duration.ofSeconds(30))
                .orElseThrow(() -> new AssertionError("no " + type + " for " + applicationId));
        assertEquals(applicationId, TopicProbe.header(record, "ce_subject"));
        return json.readTree(record.value());
    }
}
