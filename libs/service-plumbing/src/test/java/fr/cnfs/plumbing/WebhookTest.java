package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.plumbing.fixture.NoteWritten;
import fr.cnfs.plumbing.webhook.WebhookSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Webhook deliveries to a real HTTP receiver: signature, retry after a 500, order per aggregate, delivery log. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class WebhookTest {

    private static final String SECRET = "a-long-shared-secret-for-tests";

    record Received(String deliveryId, String signature, byte[] body, int answeredWith) {
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failuresToSend = new AtomicInteger(1);
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            String signature = exchange.getRequestHeaders().getFirst("X-CnFS-Signature");
            // As a partner would: its own HMAC of the raw body with the shared secret, a 401 if it differs.
            int status = !expectedSignature(body).equals(signature) ? 401
                    : failuresToSend.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            received.add(new Received(exchange.getRequestHeaders().getFirst("X-CnFS-Delivery"), signature, body, status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    private static String expectedSignature(byte[] body) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(hmac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void eventsAreDeliveredSignedRetriedAfterA500AndInOrderPerAggregate() throws Exception {
        String subscriptionId = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "eventTypes", List.of(NoteWritten.TYPE), "secret", SECRET))
                .when().post("/webhooks").then().statusCode(201)
                .body("active", equalTo(true)).body("secret", equalTo(null)).extract().path("id");

        String noteId = given().contentType(ContentType.JSON).body(Map.of("text", "version 1"))
                .when().post("/fixture/notes").then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).body(Map.of("text", "version 2"))
                .when().post("/fixture/notes/" + noteId + "/amend").then().statusCode(200);

        await().atMost(Duration.ofSeconds(30)).until(() -> received.stream().filter(r -> r.answeredWith() == 204).count() == 2);
        ObjectMapper json = new ObjectMapper();
        List<String> texts = received.stream().map(r -> {
            try {
                JsonNode cloudEvent = json.readTree(r.body());
                assertEquals(NoteWritten.TYPE, cloudEvent.get("type").asText());
                assertEquals(noteId, cloudEvent.get("subject").asText());
                assertEquals(noteId, cloudEvent.get("data").get("noteId").asText());
                return cloudEvent.get("data").get("text").asText() + "/" + r.answeredWith();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        // Every signature was accepted (no 401); the first delivery failed once; the second event waited for it.
        assertEquals(List.of("version 1/500", "version 1/204", "version 2/204"), texts);
        for (Received delivery : received) {
            assertTrue(WebhookSignature.verify(SECRET, delivery.body(), delivery.signature()), delivery.signature());
            assertTrue(!WebhookSignature.verify("another-secret-entirely", delivery.body(), delivery.signature()));
        }
        assertEquals(received.get(0).deliveryId(), received.get(1).deliveryId());

        given().auth().oauth2(Tokens.admin()).when().get("/webhooks/" + subscriptionId + "/deliveries")
                .then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items[1].status", equalTo("DELIVERED"))
                .body("items[1].attempts", equalTo(2))
                .body("items[1].attemptLog[0].statusCode", equalTo(500))
                .body("items[1].attemptLog[1].statusCode", equalTo(204))
                .body("items[0].attempts", equalTo(1));

        given().auth().oauth2(Tokens.admin()).when().delete("/webhooks/" + subscriptionId).then().statusCode(204);
        given().contentType(ContentType.JSON).body(Map.of("text", "after unsubscribing"))
                .when().post("/fixture/notes").then().statusCode(201);
        given().auth().oauth2(Tokens.admin()).when().get("/webhooks/" + subscriptionId + "/deliveries")
                .then().body("totalItems", equalTo(2));
    }

    @Test
    void onlyAdminsManageSubscriptionsAndOnlyThisServicesEventTypes() {
        var request = Map.of("url", "https://partner.example/hook", "eventTypes", List.of(NoteWritten.TYPE),
                "secret", SECRET);
        given().contentType(ContentType.JSON).body(request).when().post("/webhooks").then().statusCode(401);
        given().auth().oauth2(Tokens.finance()).contentType(ContentType.JSON).body(request).when().post("/webhooks")
                .then().statusCode(403);
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/hook", "eventTypes", List.of("fr.cnfs.tranche.due.v1"),
                        "secret", SECRET))
                .when().post("/webhooks").then().statusCode(400).body("violations[0].field", equalTo("eventTypes"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://partner.example/hook", "eventTypes", List.of(NoteWritten.TYPE),
                        "secret", SECRET))
                .when().post("/webhooks").then().statusCode(400).body("violations[0].field", equalTo("url"));
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "https://partner.example/hook", "eventTypes", List.of(NoteWritten.TYPE),
                        "secret", "short"))
                .when().post("/webhooks").then().statusCode(400).body("violations[0].field", equalTo("secret"));
        given().auth().oauth2(Tokens.admin()).when().delete("/webhooks/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void theSignatureIsHmacSha256OfTheBody() {
        // RFC 4231 test case 2: key "Jefe", data "what do ya want for nothing?".
        assertEquals("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
                WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)));
    }
}
