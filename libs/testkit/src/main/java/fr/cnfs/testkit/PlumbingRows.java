package fr.cnfs.testkit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import io.restassured.http.ContentType;

/** The rows of the operator endpoints every service gets from the plumbing: webhooks, dead letters, figures. */
public final class PlumbingRows {

    private PlumbingRows() {
    }

    /**
     * @param consumedTopic a topic the service consumes, for a poison record it will dead-letter
     * @param routedType    an event type the service handles on that topic
     * @param publishedType an event type the service publishes, for webhook subscriptions (it refuses the others)
     */
    public static List<AccessRow> all(String consumedTopic, String routedType, String publishedType) {
        return List.of(
                AccessRow.of("POST", "/webhooks").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/webhooks").as(Tokens.admin()).body(subscription(publishedType))),
                AccessRow.of("GET", "/webhooks").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/webhooks").as(Tokens.admin())),
                AccessRow.of("GET", "/webhooks/{id}").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/webhooks/" + subscribe(publishedType)).as(Tokens.admin())),
                AccessRow.of("DELETE", "/webhooks/{id}").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/webhooks/" + subscribe(publishedType)).as(Tokens.admin())),
                AccessRow.of("GET", "/webhooks/{id}/deliveries").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/webhooks/" + subscribe(publishedType) + "/deliveries").as(Tokens.admin())),
                AccessRow.of("GET", "/admin/dead-letters").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/admin/dead-letters").as(Tokens.admin())),
                AccessRow.of("POST", "/admin/dead-letters/{eventKey}/replay").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/admin/dead-letters/" + deadLetter(consumedTopic, routedType) + "/replay")
                                .as(Tokens.admin())),
                AccessRow.of("GET", "/admin/reconciliation/campaigns/{campaignId}").allow(Access.ANY, Identities.ADMIN)
                        .fixture(role -> Call.to("/admin/reconciliation/campaigns/" + UUID.randomUUID())
                                .as(Tokens.admin())));
    }

    public static Map<String, Object> subscription(String eventType) {
        return Map.of("url", "https://agence-paiement.example/hooks/" + UUID.randomUUID(),
                "eventTypes", List.of(eventType), "secret", "a-shared-secret-of-32-characters");
    }

    public static String subscribe(String eventType) {
        return given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(subscription(eventType))
                .when().post("/webhooks").then().statusCode(201).extract().path("id");
    }

    /** Publishes a record of a handled type whose payload is not JSON, and waits until it is dead-lettered. */
    public static String deadLetter(String topic, String type) {
        String eventId = UUID.randomUUID().toString();
        TopicProbe.onDevstack().publish(topic, UUID.randomUUID().toString(), "{not json",
                Map.of("ce_specversion", "1.0", "ce_id", eventId, "ce_type", type, "ce_source", "/cnfs/testkit",
                        "ce_time", Instant.now().toString(), "content-type", "application/json"));
        await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("eventType", type).queryParam("size", 100).when().get("/admin/dead-letters")
                .then().statusCode(200).extract().asString().contains(eventId));
        return eventId;
    }
}
