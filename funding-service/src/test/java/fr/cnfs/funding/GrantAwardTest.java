package fr.cnfs.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "funding_test"))
class GrantAwardTest {

    @Inject
    ObjectMapper objectMapper;

    private final TopicProbe topics = TopicProbe.onDevstack();

    @Test
    void anApprovalBecomesAGrantWithOnePostFundingPerPost() throws Exception {
        ApplicationApproved approved = approval("COMMUNE", "PUBLIC", "69123", "69", "METRO", "69", 2, 24);
        publish(approved, UUID.randomUUID());

        String grantId = awaitGrantOf(approved.applicationId());
        given().auth().oauth2(Tokens.finance()).when().get("/grants/" + grantId)
                .then().statusCode(200)
                .body("amountPerPost", equalTo(50000.00f))
                .body("totalAmount", equalTo(100000.00f))
                .body("posts.size()", equalTo(2));

        var awarded = topics.await(Topics.FUNDING, r -> grantId.equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertEquals(GrantAwarded.TYPE, TopicProbe.header(awarded, "ce_type"));
        assertTrue(awarded.value().contains("\"totalAmount\":100000.00"), awarded.value());
    }

    @Test
    void anOverseasPublicPostIsIncreasedByFortyPercent() throws Exception {
        ApplicationApproved approved = approval("COMMUNE", "PUBLIC", "97120", "971", "DROM", "971", 1, 24);
        publish(approved, UUID.randomUUID());
        String grantId = awaitGrantOf(approved.applicationId());
        given().auth().oauth2(Tokens.admin()).when().get("/grants/" + grantId)
                .then().statusCode(200).body("amountPerPost", equalTo(70000.00f));
    }

    @Test
    void theSameApprovalDeliveredTwiceMakesOneGrant() throws Exception {
        ApplicationApproved approved = approval("ASSOCIATION", "PRIVATE", "75056", "75", "METRO", "75", 1, 18);
        UUID eventId = UUID.randomUUID();
        publish(approved, eventId);
        publish(approved, eventId);
        awaitGrantOf(approved.applicationId());
        // A later approval has been applied, so both copies of the first one have been consumed.
        ApplicationApproved later = approval("ASSOCIATION", "PRIVATE", "75056", "75", "METRO", "75", 1, 18);
        publish(later, UUID.randomUUID());
        awaitGrantOf(later.applicationId());
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", approved.applicationId())
                .when().get("/grants").then().statusCode(200).body("totalItems", equalTo(1))
                .body("items[0].amountPerPost", equalTo(40000.00f));
    }

    @Test
    void aStructureSeesOnlyItsOwnGrants() throws Exception {
        ApplicationApproved approved = approval("COMMUNE", "PUBLIC", "69123", "69", "METRO", "69", 1, 12);
        publish(approved, UUID.randomUUID());
        String grantId = awaitGrantOf(approved.applicationId());
        given().auth().oauth2(Tokens.structure(approved.structure().siret())).when().get("/grants/" + grantId)
                .then().statusCode(200).body("amountPerPost", equalTo(25000.00f));
        given().auth().oauth2(Tokens.structure("21130055300016")).when().get("/grants/" + grantId)
                .then().statusCode(404);
        given().auth().oauth2(Tokens.structure("21130055300016")).queryParam("applicationId", approved.applicationId())
                .when().get("/grants").then().statusCode(200).body("totalItems", equalTo(0));
        given().when().get("/grants/" + grantId).then().statusCode(401);
        given().auth().oauth2(Tokens.forRole("conseiller")).when().get("/grants/" + grantId).then().statusCode(403);
    }

    @Test
    void aRenewalGrantInAPriorityAreaFollowsThePhaseTwoRuleSet() throws Exception {
        ApplicationApproved approved = approval("COMMUNE", "PUBLIC", "69123", "69", "METRO", "69", 1, 36, "PHASE_2", true);
        publish(approved, UUID.randomUUID());
        String grantId = awaitGrantOf(approved.applicationId());
        given().auth().oauth2(Tokens.admin()).when().get("/grants/" + grantId)
                .then().statusCode(200).header("ETag", notNullValue())
                .body("fundingPhase", equalTo("PHASE_2")).body("ruleSetVersion", equalTo("2023.1"))
                .body("amountPerPost", equalTo(50000.00f)).body("priorityAreaBonus", equalTo(true))
                .body("status", equalTo("AWARDED"))
                .body("posts[0].status", equalTo("AWAITING_CONTRACT")).body("posts[0].fundedDays", equalTo(1080))
                .body("posts[0].tranches.amount", equalTo(List.of(20000.00f, 17500.00f, 12500.00f)))
                .body("posts[0].tranches.thresholdDays", equalTo(List.of(0, 360, 720)))
                .body("posts[0].tranches.status", everyItem(equalTo("PLANNED")));
    }

    @Test
    void anApprovalTheRulesCannotFundIsDeadLetteredAndMakesNoGrant() throws Exception {
        ApplicationApproved unknownPhase = approval("COMMUNE", "PUBLIC", "69123", "69", "METRO", "69", 1, 24, "PHASE_9", false);
        ApplicationApproved tooShort = approval("COMMUNE", "PUBLIC", "69123", "69", "METRO", "69", 1, 24, "PHASE_2", false);
        publish(unknownPhase, UUID.randomUUID());
        publish(tooShort, UUID.randomUUID());
        String deadLetters = Topics.deadLetterOf("funding-service");
        var first = topics.await(deadLetters, r -> unknownPhase.aggregateId().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertTrue(TopicProbe.header(first, "dead-letter-reason").contains("unknown funding phase PHASE_9"));
        var second = topics.await(deadLetters, r -> tooShort.aggregateId().equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertTrue(TopicProbe.header(second, "dead-letter-reason").contains("exactly 36 months"));
        given().auth().oauth2(Tokens.admin()).queryParam("applicationId", tooShort.applicationId())
                .when().get("/grants").then().statusCode(200).body("totalItems", equalTo(0));
    }

    @Test
    void grantsAreFilteredByCampaignStatusDepartementAndZone() throws Exception {
        ApplicationApproved overseas = approval("COMMUNE", "PUBLIC", "97120", "971", "DROM", "971", 1, 24);
        publish(overseas, UUID.randomUUID());
        String grantId = awaitGrantOf(overseas.applicationId());
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", overseas.campaignId().toString())
                .queryParam("status", "AWARDED").queryParam("departement", "971").queryParam("zone", "DROM")
                .when().get("/grants").then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(grantId));
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", overseas.campaignId().toString())
                .queryParam("zone", "METRO").when().get("/grants").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", overseas.campaignId().toString())
                .queryParam("status", "ENDED").when().get("/grants").then().statusCode(200).body("totalItems", equalTo(0));
        given().auth().oauth2(Tokens.instructeur()).queryParam("status", "OPEN").when().get("/grants").then().statusCode(400)
                .body("violations[0].field", equalTo("status"));
        given().auth().oauth2(Tokens.instructeur()).queryParam("campaignId", "not-a-uuid").when().get("/grants").then().statusCode(400)
                .body("violations[0].field", equalTo("campaignId"));
        given().auth().oauth2(Tokens.instructeur()).queryParam("sort", "postCount").when().get("/grants").then().statusCode(400);
        given().auth().oauth2(Tokens.instructeur()).queryParam("sort", "totalAmount,desc").queryParam("size", 1)
                .when().get("/grants").then().statusCode(200).body("items.size()", equalTo(1));
    }

    private ApplicationApproved approval(String type, String category, String commune, String departement, String zone,
            String territory, int posts, int months) {
        return approval(type, category, commune, departement, zone, territory, posts, months, "PHASE_1", false);
    }

    private ApplicationApproved approval(String type, String category, String commune, String departement, String zone,
            String territory, int posts, int months, String phase, boolean qpv) {
        List<UUID> postIds = IntStream.range(0, posts).mapToObj(i -> UUID.randomUUID()).toList();
        return new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot("21690123100011", "Structure " + commune, type, category, commune, departement,
                        departement.length() == 3 ? "01" : "84", zone, territory, qpv, false),
                UUID.randomUUID(), phase, posts, postIds, months, "COSELEC 1", Instant.now(), 3);
    }

    private void publish(ApplicationApproved approved, UUID eventId) throws Exception {
        topics.publish(approved.topic(), approved.aggregateId(), objectMapper.writeValueAsString(approved),
                CloudEventHeaders.forEvent(eventId, approved, "/cnfs/applications-service", Instant.now()));
    }

    private String awaitGrantOf(UUID applicationId) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("applicationId", applicationId).when().get("/grants")
                .then().statusCode(200).extract().<String>path("items[0].id"), id -> id != null);
    }
}
