package fr.cnfs.funding;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.IntStream;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.contracts.events.StructureSnapshot;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import io.restassured.path.json.JsonPath;

/**
 * What the tests do as the other services would: publish applications' and placement's events on the real broker,
 * then read funding's answers through its HTTP API and its topic.
 */
public final class FundingScenario {

    public static final String LYON_SIRET = "21690123100011";
    public static final Duration PATIENCE = Duration.ofSeconds(30);

    private final ObjectMapper json;
    private final TopicProbe topics = TopicProbe.onDevstack();

    public FundingScenario(ObjectMapper json) {
        this.json = json;
    }

    public TopicProbe topics() {
        return topics;
    }

    public ApplicationApproved lyonApproval(int posts, int months) {
        return approval("PUBLIC", "69123", "69", "84", "METRO", "69", posts, months, "PHASE_1", false, false);
    }

    public ApplicationApproved approval(String category, String commune, String departement, String region, String zone,
            String territory, int posts, int months, String phase, boolean qpv, boolean zrr) {
        List<UUID> postIds = IntStream.range(0, posts).mapToObj(i -> UUID.randomUUID()).toList();
        return new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot(LYON_SIRET, "Structure " + commune, "PUBLIC".equals(category) ? "COMMUNE" : "ASSOCIATION",
                        category, commune, departement, region, zone, territory, qpv, zrr),
                UUID.randomUUID(), phase, posts, postIds, months, "COSELEC 7", Instant.parse("2021-05-20T10:00:00Z"), 3);
    }

    public ContractStarted contract(ApplicationApproved approved, UUID postId, LocalDate start, LocalDate plannedEnd) {
        // Above every SMIC of the table, 1,823.03 from 2026.
        return contract(approved, postId, start, plannedEnd, "1850.00", "35");
    }

    public ContractStarted contract(ApplicationApproved approved, UUID postId, LocalDate start, LocalDate plannedEnd,
            String salary, String hours) {
        return new ContractStarted(UUID.randomUUID(), postId, approved.applicationId(), UUID.randomUUID(),
                approved.structure().siret(), plannedEnd == null ? "CDI" : "CDD", start, plannedEnd,
                new BigDecimal(salary), new BigDecimal(hours));
    }

    public ContractEnded end(ContractStarted contract, LocalDate lastDay, String reason) {
        return new ContractEnded(contract.contractId(), contract.postId(), contract.applicationId(), lastDay, reason);
    }

    public PostReturned returned(ApplicationApproved approved, UUID postId, LocalDate on) {
        return new PostReturned(postId, approved.applicationId(), on);
    }

    /** Publishes with a fresh event id; returns it. */
    public UUID publish(CnfsEvent event) {
        UUID id = UUID.randomUUID();
        publish(event, id);
        return id;
    }

    public void publish(CnfsEvent event, UUID eventId) {
        String source = Topics.PLACEMENTS.equals(event.topic()) ? "/cnfs/placement-service" : "/cnfs/applications-service";
        try {
            topics.publish(event.topic(), event.aggregateId(), json.writeValueAsString(event),
                    CloudEventHeaders.forEvent(eventId, event, source, Instant.now()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Publishes the approval and waits for its grant; returns the grant id. */
    public String award(ApplicationApproved approved) {
        publish(approved);
        return awaitGrantOf(approved.applicationId());
    }

    public String awaitGrantOf(UUID applicationId) {
        return await().atMost(PATIENCE).until(() -> given().auth().oauth2(Tokens.admin())
                .queryParam("applicationId", applicationId.toString()).when().get("/grants")
                .then().statusCode(200).extract().<String> path("items[0].id"), Objects::nonNull);
    }

    public JsonPath grant(String grantId) {
        return given().auth().oauth2(Tokens.admin()).when().get("/grants/" + grantId).then().statusCode(200).extract().jsonPath();
    }

    /** The post funding of a grant, as GET /grants/{id} shows it. */
    public Map<String, Object> post(String grantId, UUID postId) {
        return grant(grantId).<Map<String, Object>> getList("posts").stream()
                .filter(post -> postId.toString().equals(post.get("postId"))).findFirst().orElseThrow();
    }

    public Map<String, Object> awaitPost(String grantId, UUID postId, Predicate<Map<String, Object>> condition) {
        return await().atMost(PATIENCE).until(() -> post(grantId, postId), condition);
    }

    public Map<String, Object> awaitPostStatus(String grantId, UUID postId, String status) {
        return awaitPost(grantId, postId, post -> status.equals(post.get("status")));
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> tranche(Map<String, Object> post, int rank) {
        return ((List<Map<String, Object>>) post.get("tranches")).stream()
                .filter(t -> ((Number) t.get("rank")).intValue() == rank).findFirst().orElseThrow();
    }

    public static String trancheStatus(Map<String, Object> post, int rank) {
        return (String) tranche(post, rank).get("status");
    }

    public static String trancheId(Map<String, Object> post, int rank) {
        return (String) tranche(post, rank).get("id");
    }

    /** Records a payment as the paying agency does; returns the response for assertions. */
    public io.restassured.response.ValidatableResponse pay(String trancheId, String amount, String reference, LocalDate paidOn) {
        return given().auth().oauth2(Tokens.finance()).contentType("application/json")
                .body(Map.of("paidOn", paidOn.toString(), "amount", new BigDecimal(amount), "paymentReference", reference))
                .when().post("/tranches/" + trancheId + "/payment").then();
    }

    public JsonPath evaluate(LocalDate asOf) {
        return given().auth().oauth2(Tokens.admin()).queryParam("asOf", asOf.toString())
                .when().post("/admin/tranche-evaluations").then().statusCode(200).extract().jsonPath();
    }

    /** Records of funding's topic about one grant and of one type. */
    public List<ConsumerRecord<String, String>> fundingEvents(String grantId, String type) {
        return topics.readAll(Topics.FUNDING).stream()
                .filter(record -> grantId.equals(record.key()) && type.equals(TopicProbe.header(record, "ce_type")))
                .toList();
    }

    public ConsumerRecord<String, String> awaitFundingEvent(String grantId, String type, String mustContain) {
        return topics.await(Topics.FUNDING, record -> grantId.equals(record.key())
                && type.equals(TopicProbe.header(record, "ce_type")) && record.value().contains(mustContain), PATIENCE)
                .orElseThrow(() -> new AssertionError("no " + type + " containing " + mustContain + " for grant " + grantId));
    }

    public JsonPath parkedEvents(UUID postId) {
        return given().auth().oauth2(Tokens.admin()).queryParam("postId", postId.toString())
                .when().get("/admin/parked-events").then().statusCode(200).extract().jsonPath();
    }
}
