package fr.cnfs.placement;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import fr.cnfs.territory.Commune;
import fr.cnfs.territory.Siren;
import fr.cnfs.territory.Siret;
import fr.cnfs.territory.TerritorialReferential;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;

/** Builds the world the placement tests need through the real paths: approvals on the broker, then the REST API. */
public final class Fixtures {

    /** A CDD that starts in the past and ends in the future, so a rupture can be declared today. */
    public static final Map<String, Object> CONTRACT = Map.of("contractType", "CDD", "startDate", "2024-01-01",
            "endDate", "2030-12-31", "grossMonthlySalary", 1900.00, "weeklyHours", 35);

    private Fixtures() {
    }

    /**
     * Today where the service counts its days (Europe/Paris, PlacementConfig): the machine's zone may still be on
     * yesterday, and a test comparing with the service's "today" would then fail for an hour or two each night.
     */
    public static LocalDate today() {
        return LocalDate.now(ZoneId.of("Europe/Paris"));
    }

    public static String newSiret() {
        var random = ThreadLocalRandom.current();
        String siren = Siren.withCheckDigit("2" + String.format("%07d", random.nextInt(10_000_000))).value();
        return Siret.withCheckDigit(siren + String.format("%04d", random.nextInt(10_000))).value();
    }

    /** Publishes an ApplicationApproved for a structure of that commune and waits until its posts are open. */
    public static List<UUID> openPosts(String siret, String communeCode, int count, Instant decidedAt) {
        TerritorialReferential referential = TerritorialReferential.instance();
        Commune commune = referential.commune(communeCode).orElseThrow();
        List<UUID> postIds = IntStream.range(0, count).mapToObj(i -> UUID.randomUUID()).toList();
        var approved = new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot(siret, "Structure " + commune.name(), "COMMUNE", "PUBLIC", commune.code(),
                        commune.departementCode(), commune.regionCode(), commune.zone().name(),
                        referential.territoryCodeOf(commune), false, false),
                UUID.randomUUID(), "PHASE_1", count, postIds, 24, "COSELEC 7", decidedAt, 3);
        TopicProbe.onDevstack().publish(approved.topic(), approved.aggregateId(), json(approved),
                CloudEventHeaders.forEvent(UUID.randomUUID(), approved, "/cnfs/applications-service", Instant.now()));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("applicationId", approved.applicationId()).when().get("/posts")
                .then().statusCode(200).body("totalItems", equalTo(count)));
        return postIds;
    }

    public static UUID openPost(String siret, String communeCode) {
        return openPosts(siret, communeCode, 1, Instant.now()).get(0);
    }

    public static Map<String, Object> profile(String communeCode, String mobility, String availableFrom) {
        Map<String, Object> profile = new HashMap<>();
        profile.put("firstName", "Camille");
        profile.put("lastName", "Test");
        profile.put("email", "c-" + UUID.randomUUID() + "@example.org");
        profile.put("phone", "06 12 34 56 78");
        profile.put("communeCode", communeCode);
        profile.put("mobility", mobility);
        profile.put("availableFrom", availableFrom);
        profile.put("jobSeeker", true);
        profile.put("digitalMediationDiploma", false);
        profile.put("priorExperience", true);
        return profile;
    }

    /** An adviser registered by an admin (no account); returns its id. */
    public static UUID adviser(String communeCode, String mobility) {
        return adviser(profile(communeCode, mobility, today().minusMonths(1).toString()));
    }

    public static UUID adviser(Map<String, Object> profile) {
        return UUID.fromString(given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON).body(profile)
                .when().post("/conseillers").then().statusCode(201).extract().path("id"));
    }

    public static void certify(UUID conseillerId) {
        training(conseillerId, "ENROL", "2024-01-10", 0);
        training(conseillerId, "CERTIFY", "2024-03-01", 140);
    }

    public static void training(UUID conseillerId, String action, String date, int hours) {
        given().auth().oauth2(Tokens.admin()).contentType(ContentType.JSON)
                .body(Map.of("action", action, "date", date, "hoursCompleted", hours))
                .when().post("/conseillers/" + conseillerId + "/training").then().statusCode(200);
    }

    public static UUID match(String siret, UUID postId, UUID conseillerId) {
        return UUID.fromString(given().auth().oauth2(Tokens.structure(siret)).contentType(ContentType.JSON)
                .body(Map.of("postId", postId, "conseillerId", conseillerId))
                .when().post("/matches").then().statusCode(201).extract().path("id"));
    }

    public static void command(String token, UUID matchId, String command, int expectedStatus) {
        given().auth().oauth2(token).contentType(ContentType.JSON).body("{}")
                .when().post("/matches/" + matchId + "/" + command)
                .then().statusCode(expectedStatus);
    }

    public static UUID shortlisted(String siret, UUID postId, UUID conseillerId) {
        UUID matchId = match(siret, postId, conseillerId);
        command(Tokens.structure(siret), matchId, "shortlist", 200);
        return matchId;
    }

    public static UUID recruited(String siret, UUID postId, UUID conseillerId) {
        UUID matchId = shortlisted(siret, postId, conseillerId);
        recruit(siret, matchId, CONTRACT, 200);
        return matchId;
    }

    public static UUID finalized(String siret, UUID postId, UUID conseillerId) {
        UUID matchId = recruited(siret, postId, conseillerId);
        command(Tokens.admin(), matchId, "finalize", 200);
        return matchId;
    }

    public static io.restassured.response.ValidatableResponse recruit(String siret, UUID matchId, Map<String, Object> contract,
            int expectedStatus) {
        return given().auth().oauth2(Tokens.structure(siret)).contentType(ContentType.JSON).body(contract)
                .when().post("/matches/" + matchId + "/recruit").then().statusCode(expectedStatus);
    }

    public static Map<String, Object> contract(Map<String, Object> changes) {
        Map<String, Object> contract = new HashMap<>(CONTRACT);
        contract.putAll(changes);
        return contract;
    }

    /** Waits for an event of that type about that post on cnfs.placements, and returns its payload. */
    public static JsonNode awaitEvent(String type, UUID postId, String field, Object value) {
        return read(awaitEventJson(type, postId, field, value));
    }

    /** {@link #awaitEvent}, as the JSON text on the wire (to check how amounts are written). */
    public static String awaitEventJson(String type, UUID postId, String field, Object value) {
        ConsumerRecord<String, String> record = TopicProbe.onDevstack().await(Topics.PLACEMENTS,
                r -> type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE)) && postId.toString().equals(r.key())
                        && value.toString().equals(read(r.value()).path(field).asText()),
                Duration.ofSeconds(30)).orElseThrow(() -> new AssertionError(type + " for post " + postId
                        + " with " + field + " = " + value + " not on " + Topics.PLACEMENTS));
        return record.value();
    }

    /** Every event of that type about that post now on cnfs.placements. */
    public static List<JsonNode> events(String type, UUID postId) {
        return TopicProbe.onDevstack().readAll(Topics.PLACEMENTS).stream()
                .filter(r -> type.equals(TopicProbe.header(r, CloudEventHeaders.TYPE)) && postId.toString().equals(r.key()))
                .map(r -> read(r.value())).toList();
    }

    public static String json(Object value) {
        try {
            return mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectMapper mapper() {
        return Arc.container().instance(ObjectMapper.class).get();
    }
}
