package fr.cnfs.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
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

    private ApplicationApproved approval(String type, String category, String commune, String departement, String zone,
            String territory, int posts, int months) {
        List<UUID> postIds = IntStream.range(0, posts).mapToObj(i -> UUID.randomUUID()).toList();
        return new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot("21690123100011", "Structure " + commune, type, category, commune, departement,
                        departement.length() == 3 ? "01" : "84", zone, territory, false, false),
                UUID.randomUUID(), "PHASE_1", posts, postIds, months, "COSELEC 1", Instant.now(), 3);
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
