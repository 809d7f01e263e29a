package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.plumbing.fixture.NoteWritten;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;

/**
 * The commit that queues a delivery wakes the dispatcher. Its poll is an hour apart here, so a delivery that goes out
 * within the test's wait went out because of the wake-up, not the poll.
 */
@QuarkusTest
@TestProfile(WebhookWakeUpTest.HourlyPoll.class)
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class WebhookWakeUpTest {

    public static class HourlyPoll implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cnfs.webhooks.poll-interval", "1h");
        }
    }

    private final List<String> receivedTexts = new CopyOnWriteArrayList<>();
    private HttpServer receiver;

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hook", exchange -> {
            receivedTexts.add(new ObjectMapper().readTree(exchange.getRequestBody().readAllBytes())
                    .get("data").get("text").asText());
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    @Test
    void aQueuedDeliveryGoesOutWithoutWaitingForThePoll() {
        String subscriptionId = given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook",
                        "eventTypes", List.of(NoteWritten.TYPE), "secret", "a-long-shared-secret-for-tests"))
                .when().post("/webhooks").then().statusCode(201).extract().path("id");
        try {
            given().contentType(ContentType.JSON).body(Map.of("text", "woken up"))
                    .when().post("/fixture/notes").then().statusCode(201);

            await().atMost(Duration.ofSeconds(30)).until(() -> !receivedTexts.isEmpty());
            assertEquals(List.of("woken up"), receivedTexts);
        } finally {
            given().auth().oauth2(Tokens.admin()).when().delete("/webhooks/" + subscriptionId).then().statusCode(204);
        }
    }
}
