package fr.cnfs.placement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "placement_test"))
class PostOpeningTest {

    @Inject
    ObjectMapper objectMapper;

    @Test
    void anApprovalOpensOneVacantPostPerPostIdWithItsRecruitmentDeadline() throws Exception {
        List<UUID> postIds = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        var approved = new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot("21690123100011", "Commune de Lyon", "COMMUNE", "PUBLIC", "69123", "69", "84",
                        "METRO", "69", false, false),
                UUID.randomUUID(), "PHASE_1", 3, postIds, 24, "COSELEC 3", Instant.parse("2021-03-15T10:00:00Z"), 3);
        UUID eventId = UUID.randomUUID();
        for (int delivery = 0; delivery < 2; delivery++) {
            TopicProbe.onDevstack().publish(approved.topic(), approved.aggregateId(),
                    objectMapper.writeValueAsString(approved),
                    CloudEventHeaders.forEvent(eventId, approved, "/cnfs/applications-service", Instant.now()));
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.instructeur())
                .queryParam("applicationId", approved.applicationId()).when().get("/posts")
                .then().statusCode(200).body("totalItems", equalTo(3)));
        given().auth().oauth2(Tokens.structure("21690123100011")).when().get("/posts/" + postIds.get(0))
                .then().statusCode(200)
                .body("state", equalTo("VACANT"))
                .body("recruitmentDeadline", equalTo("2021-06-15"))
                .body("departementCode", equalTo("69"));
        given().auth().oauth2(Tokens.structure("21130055300016")).when().get("/posts/" + postIds.get(0))
                .then().statusCode(404);
        given().auth().oauth2(Tokens.admin()).queryParam("size", 101).when().get("/posts")
                .then().statusCode(400).body("violations[0].field", equalTo("size"));
    }
}
