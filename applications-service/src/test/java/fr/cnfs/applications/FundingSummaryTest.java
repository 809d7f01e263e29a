package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** funding-service's GrantAwarded and TranchePaid, as the funding summary of an approved application. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class FundingSummaryTest {

    @Inject
    ObjectMapper objectMapper;

    private final TopicProbe topics = TopicProbe.onDevstack();

    @Test
    void theGrantAndEveryTranchePaidShowOnTheApplication() throws Exception {
        var lyon = Fixtures.lyon();
        String id = Fixtures.approved(lyon, Fixtures.openCampaign(100), 3, 2);
        UUID applicationId = UUID.fromString(id);
        UUID grantId = UUID.randomUUID();
        given().auth().oauth2(lyon.token()).when().get("/applications/" + id)
                .then().body("grantedAmount", nullValue()).body("paidAmount", nullValue());

        publish(new GrantAwarded(grantId, applicationId, lyon.siret(), null, 2, new BigDecimal("50000.00"),
                new BigDecimal("100000.00")), UUID.randomUUID());
        awaitFunding(lyon.token(), id, 100000.00f, 0.00f);

        UUID firstTranche = UUID.randomUUID();
        UUID trancheEvent = UUID.randomUUID();
        publish(paid(firstTranche, grantId, applicationId, 1, "25000.00"), trancheEvent);
        awaitFunding(lyon.token(), id, 100000.00f, 25000.00f);
        // The same event redelivered, then the same tranche under another event id: counted once.
        publish(paid(firstTranche, grantId, applicationId, 1, "25000.00"), trancheEvent);
        publish(paid(firstTranche, grantId, applicationId, 1, "25000.00"), UUID.randomUUID());
        publish(paid(UUID.randomUUID(), grantId, applicationId, 1, "25000.00"), UUID.randomUUID());
        awaitFunding(lyon.token(), id, 100000.00f, 50000.00f);
        given().auth().oauth2(Tokens.instructeur()).when().get("/applications/" + id)
                .then().body("grantId", equalTo(grantId.toString())).body("remainingAmount", equalTo(50000.00f));
        // The page shows it too, beside the structure's draft, which has no funding.
        String draft = Fixtures.draft(lyon, Fixtures.openCampaign(100), 1, Fixtures.MONTHS);
        given().auth().oauth2(lyon.token()).queryParam("structureId", lyon.id()).queryParam("sort", "createdAt,asc")
                .when().get("/applications").then().statusCode(200).body("totalItems", equalTo(2))
                .body("items[0].id", equalTo(id)).body("items[0].paidAmount", equalTo(50000.00f))
                .body("items[0].structure.siret", equalTo(lyon.siret()))
                .body("items[1].id", equalTo(draft)).body("items[1].grantedAmount", nullValue());
        String csv = given().auth().oauth2(Tokens.instructeur()).queryParam("structureId", lyon.id())
                .when().get("/applications/export").then().statusCode(200).extract().asString();
        org.junit.jupiter.api.Assertions.assertTrue(csv.contains(";100000,00;50000,00\r\n"), csv);
    }

    @Test
    void anEventForAnUnknownApplicationOrWithAFractionOfACentIsDeadLettered() throws Exception {
        UUID unknown = UUID.randomUUID();
        UUID grantId = UUID.randomUUID();
        publish(new GrantAwarded(grantId, unknown, "21690123100011", null, 1, new BigDecimal("50000.00"),
                new BigDecimal("50000.00")), UUID.randomUUID());
        awaitDeadLetter(grantId.toString(), "GrantAwarded for unknown application " + unknown);

        // Funding grants on approval only: the page and the detail look for funding on approved applications only.
        var lyon = Fixtures.lyon();
        String submitted = Fixtures.submitted(lyon, Fixtures.openCampaign(100), 1);
        UUID grantOfSubmitted = UUID.randomUUID();
        publish(new GrantAwarded(grantOfSubmitted, UUID.fromString(submitted), lyon.siret(), null, 1,
                new BigDecimal("50000.00"), new BigDecimal("50000.00")), UUID.randomUUID());
        awaitDeadLetter(grantOfSubmitted.toString(), "which is SUBMITTED, not APPROVED");
        given().auth().oauth2(lyon.token()).when().get("/applications/" + submitted).then().body("grantId", nullValue());

        String id = Fixtures.approved(lyon, Fixtures.openCampaign(100), 1, 1);
        UUID tranche = UUID.randomUUID();
        UUID otherGrant = UUID.randomUUID();
        publish(paid(tranche, otherGrant, UUID.fromString(id), 1, "25000.005"), UUID.randomUUID());
        awaitDeadLetter(otherGrant.toString(), "at most two decimals");
        given().auth().oauth2(lyon.token()).when().get("/applications/" + id).then().body("paidAmount", nullValue());
    }

    private static TranchePaid paid(UUID trancheId, UUID grantId, UUID applicationId, int rank, String amount) {
        return new TranchePaid(trancheId, grantId, applicationId, rank, new BigDecimal(amount), LocalDate.of(2021, 6, 1),
                "VIR-" + trancheId.toString().substring(0, 8));
    }

    private void publish(CnfsEvent event, UUID eventId) throws Exception {
        topics.publish(event.topic(), event.aggregateId(), objectMapper.writeValueAsString(event),
                CloudEventHeaders.forEvent(eventId, event, "/cnfs/funding-service", Instant.now()));
    }

    private static void awaitFunding(String token, String id, float granted, float paid) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(token)
                .when().get("/applications/" + id)
                .then().statusCode(200).body("grantedAmount", equalTo(granted)).body("paidAmount", equalTo(paid)));
    }

    private void awaitDeadLetter(String key, String reason) {
        String deadLetters = Topics.deadLetterOf("applications-service");
        await().atMost(Duration.ofSeconds(30)).until(() -> topics.readAll(deadLetters).stream()
                .anyMatch(record -> key.equals(record.key())
                        && TopicProbe.header(record, CloudEventHeaders.DEAD_LETTER_REASON).contains(reason)));
    }
}
