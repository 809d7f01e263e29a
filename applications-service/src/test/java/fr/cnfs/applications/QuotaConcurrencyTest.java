package fr.cnfs.applications;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/** The quota holds when many reviewers approve at the same moment. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "applications_test"))
class QuotaConcurrencyTest {

    private static final int THREADS = 20;
    private static final int POSTS_EACH = 2;
    private static final int QUOTA = 25;
    private static final int ROUNDS = 2;

    @TestHTTPResource("/")
    URI base;

    @Test
    void concurrentApprovalsNeverGrantMoreThanTheQuota() throws Exception {
        for (int round = 1; round <= ROUNDS; round++) {
            runRound(round);
        }
    }

    private void runRound(int round) throws Exception {
        String campaign = Fixtures.openCampaign(QUOTA);
        List<String> applications = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            applications.add(Fixtures.underReview(Fixtures.association(Fixtures.PARIS, "75"), campaign, POSTS_EACH));
        }

        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        String token = Tokens.instructeur();
        String approval = "{\"postsGranted\":" + POSTS_EACH + ",\"decisionNumber\":\"COSELEC 20\"}";
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        for (String id : applications) {
            HttpRequest request = HttpRequest.newBuilder(base.resolve("/applications/" + id + "/approve"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(60)).POST(HttpRequest.BodyPublishers.ofString(approval)).build();
            answers.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return client.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        ready.await();
        long started = System.nanoTime();
        go.countDown();
        int approved = 0;
        int refused = 0;
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get();
            if (response.statusCode() == 200) {
                approved++;
            } else {
                assertEquals(422, response.statusCode(), response.body());
                assertEquals(true, response.body().contains("urn:cnfs:problem:quota-exceeded"), response.body());
                refused++;
            }
        }
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        pool.shutdown();

        int expectedApproved = QUOTA / POSTS_EACH;
        System.out.printf("QUOTA round %d: %d parallel approvals of %d posts on a quota of %d -> %d approved, "
                + "%d refused (422) in %d ms%n", round, THREADS, POSTS_EACH, QUOTA, approved, refused, elapsedMillis);
        assertEquals(expectedApproved, approved);
        assertEquals(THREADS - expectedApproved, refused);

        given().auth().oauth2(Tokens.admin()).when().get("/campaigns/" + campaign)
                .then().statusCode(200)
                .body("postsGranted", equalTo(expectedApproved * POSTS_EACH))
                .body("postsRemaining", equalTo(QUOTA - expectedApproved * POSTS_EACH));
        List<Integer> granted = given().auth().oauth2(Tokens.admin())
                .queryParams(Map.of("campaignId", campaign, "status", "APPROVED", "size", 100))
                .when().get("/applications").then().statusCode(200).extract().path("items.postsGranted");
        assertEquals(expectedApproved * POSTS_EACH, granted.stream().mapToInt(Integer::intValue).sum());
        given().auth().oauth2(Tokens.admin())
                .queryParams(Map.of("campaignId", campaign, "status", "UNDER_REVIEW", "size", 100))
                .when().get("/applications").then().statusCode(200)
                .body("totalItems", equalTo(THREADS - expectedApproved))
                .body("items.postIds.flatten().size()", equalTo(0));

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            long events = TopicProbe.onDevstack().readAll(Topics.APPLICATIONS).stream()
                    .filter(r -> ApplicationApproved.TYPE.equals(TopicProbe.header(r, "ce_type")))
                    .filter(r -> r.value().contains("\"campaignId\":\"" + campaign + "\""))
                    .count();
            assertEquals(expectedApproved, events, "one ApplicationApproved per approval, none for a refusal");
        });
    }
}
