package fr.cnfs.e2e;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;

import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.contracts.events.EventCatalog;
import fr.cnfs.contracts.events.EventSchemas;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.devstack.Tokens;
import fr.cnfs.devstack.TopicProbe;

/**
 * The AsyncAPI document describes what really travels: a short programme that raises every event type runs on the
 * packaged services, then every record of the three topics (this flow's and any other test's) is checked against the
 * payload schema of its ce_type and the CloudEvents headers schema of the AsyncAPI document.
 */
class EventPayloadSchemasIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper EVENTS = new ObjectMapper()
            .registerModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
            .disable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private static RunningSystem system;
    private static Programme programme;

    @BeforeAll
    static void startTheSystem() {
        system = RunningSystem.get();
        programme = system.programme();
    }

    @Test
    void everyPublishedEventMatchesTheSchemasOfTheAsyncApiDocument() throws Exception {
        raiseEveryEventType();

        JsonSchema headersSchema = DRAFT_07.getSchema(asyncApiSchema("CloudEventHeaders"));
        Map<String, JsonSchema> payloadSchemas = new HashMap<>();
        TopicProbe topics = TopicProbe.onDevstack();
        Map<String, Integer> validated = new TreeMap<>();
        List<String> defects = new ArrayList<>();
        for (String topic : List.of(Topics.APPLICATIONS, Topics.PLACEMENTS, Topics.FUNDING)) {
            for (ConsumerRecord<String, String> record : topics.readAll(topic)) {
                String type = TopicProbe.header(record, "ce_type");
                String where = topic + "@" + record.partition() + ":" + record.offset() + " " + type;
                if (type == null || EventCatalog.payloadClassOf(type).isEmpty()) {
                    defects.add(where + ": not a type of the EventCatalog");
                    continue;
                }
                headersSchema.validate(headersOf(record)).forEach(error -> defects.add(where + " headers: " + error));
                if (!record.key().equals(TopicProbe.header(record, "ce_subject"))) {
                    defects.add(where + ": key " + record.key() + " is not ce_subject");
                }
                // The payload also decodes into its record, which names the topic its events belong on.
                CnfsEvent event = EVENTS.readValue(record.value(), EventCatalog.payloadClassOf(type).orElseThrow());
                if (!topic.equals(event.topic())) {
                    defects.add(where + ": published on " + topic + ", not " + event.topic());
                }
                JsonSchema payloadSchema = payloadSchemas.computeIfAbsent(type, EventPayloadSchemasIT::payloadSchema);
                payloadSchema.validate(JSON.readTree(record.value()))
                        .forEach(error -> defects.add(where + " payload: " + error));
                validated.merge(type, 1, Integer::sum);
            }
        }
        System.out.printf("Event payloads validated against their schemas, by type: %s (%d in all)%n", validated,
                validated.values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(List.of(), defects);
        assertEquals(new TreeSet<>(EventCatalog.eventTypes()), validated.keySet(), "event types never validated");
    }

    /**
     * A structure applies three times: one application is withdrawn, one rejected, one approved. One post is filled,
     * paid, vacated and returned (recovery, then its settlement); the other is filled, vacated and returned unpaid.
     */
    private static void raiseEveryEventType() {
        var lyon = programme.registerStructure("216901231", "Commune de Lyon", "COMMUNE", "69123");
        String campaignId = programme.openCampaign("AMI schemas " + UUID.randomUUID(), 100);

        String withdrawn = create(lyon, campaignId);
        Programme.as(system.applications(), lyon.token()).when().post("/applications/" + withdrawn + "/submit")
                .then().statusCode(200);
        Programme.as(system.applications(), lyon.token()).body(Map.of("comment", "Dossier déposé par erreur"))
                .when().post("/applications/" + withdrawn + "/withdraw").then().statusCode(200);

        String rejected = programme.applyAndStartReview(lyon, campaignId, 1, 24);
        Programme.as(system.applications(), Tokens.instructeur())
                .body(Map.of("reason", "OTHER", "comment", "Projet déjà financé par ailleurs"))
                .when().post("/applications/" + rejected + "/reject").then().statusCode(200);

        String approved = programme.applyAndStartReview(lyon, campaignId, 2, 24);
        programme.prefectOpinion(approved, "69");
        List<String> postIds = programme.approve(approved, 2, "COSELEC 91").statusCode(200).extract().path("postIds");
        programme.awaitGrant(approved);
        programme.awaitPosts(approved, 2);

        String post = postIds.get(0);
        String conseiller = programme.registerConseiller("69123", "COMMUNE");
        LocalDate start = LocalDate.now().minusDays(30);
        String match = programme.hire(lyon, post, conseiller, start, 24, new BigDecimal("1900.00"));
        programme.awaitTranche(post, 1, "DUE");
        assertTrue(programme.payDueTranches(approved, "SCHEMAS") >= 1);
        programme.awaitTranche(post, 1, "PAID");
        programme.rupture(lyon, match, LocalDate.now().minusDays(1), "RESIGNATION");
        // A returned post closes its funding at once: what was paid beyond what it earned is recovered.
        await().atMost(Programme.EVENTUALLY).untilAsserted(() -> Programme.as(system.placement(), lyon.token())
                .when().get("/posts/" + post).then().statusCode(200).body("state",
                        org.hamcrest.Matchers.equalTo("VACANT")));
        Programme.as(system.placement(), lyon.token()).when().post("/posts/" + post + "/return").then().statusCode(200);
        Map<String, Object> recovery = await().atMost(Programme.EVENTUALLY).until(() -> Programme
                .as(system.funding(), Tokens.finance()).queryParam("siret", lyon.siret()).when().get("/recoveries")
                .then().statusCode(200).extract().<Map<String, Object>>path("items[0]"), found -> found != null);
        Map<String, Object> settlement = new LinkedHashMap<>();
        settlement.put("receivedOn", LocalDate.now().toString());
        settlement.put("amount", recovery.get("amount"));
        settlement.put("reference", "OR-" + recovery.get("id"));
        Programme.as(system.funding(), Tokens.finance()).body(settlement)
                .when().post("/recoveries/" + recovery.get("id") + "/settlement").then().statusCode(200);

        // The other post is filled and vacated before its first tranche is paid: returning it cancels that tranche.
        String other = postIds.get(1);
        String secondMatch = programme.hire(lyon, other, programme.registerConseiller("69123", "COMMUNE"), start, 24,
                new BigDecimal("1900.00"));
        programme.awaitTranche(other, 1, "DUE");
        programme.rupture(lyon, secondMatch, LocalDate.now().minusDays(1), "RESIGNATION");
        Programme.as(system.placement(), lyon.token()).when().post("/posts/" + other + "/return").then().statusCode(200);
        programme.awaitTranche(other, 1, "CANCELLED");
    }

    private static String create(Programme.Structure structure, String campaignId) {
        return Programme.as(system.applications(), structure.token())
                .body(Map.of("structureId", structure.id(), "campaignId", campaignId, "postsRequested", 1,
                        "contractMonths", 24, "desiredStartDate", LocalDate.now().plusDays(10).toString(),
                        "motivation", "Accompagner les habitants éloignés du numérique", "franceServicesLabel", false))
                .when().post("/applications").then().statusCode(201).extract().path("id");
    }

    private static JsonNode headersOf(ConsumerRecord<String, String> record) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header header : record.headers()) {
            headers.put(header.key(), new String(header.value(), StandardCharsets.UTF_8));
        }
        return JSON.valueToTree(headers);
    }

    private static JsonSchema payloadSchema(String type) {
        try (InputStream in = resource(EventSchemas.payloadSchemaOf(type))) {
            return DRAFT_07.getSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new IllegalStateException(type, e);
        }
    }

    @SuppressWarnings("unchecked")
    private static JsonNode asyncApiSchema(String name) throws IOException {
        try (InputStream in = resource(EventSchemas.ASYNCAPI)) {
            Map<String, Object> document = new Yaml().load(in);
            Map<String, Object> schemas = (Map<String, Object>) ((Map<String, Object>) document.get("components"))
                    .get("schemas");
            return JSON.valueToTree(schemas.get(name));
        }
    }

    private static InputStream resource(String name) {
        InputStream in = EventPayloadSchemasIT.class.getClassLoader().getResourceAsStream(name);
        assertNotNull(in, name);
        return in;
    }
}
