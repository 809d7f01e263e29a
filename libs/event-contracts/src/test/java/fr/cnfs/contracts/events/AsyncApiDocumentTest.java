package fr.cnfs.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaId;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

/**
 * The AsyncAPI document is a valid AsyncAPI 3.0.0 document, describes every topic and every type of the EventCatalog,
 * and each payload schema matches the record the services serialize: a type added without its schema, or a field
 * added to a record without it, fails here.
 */
class AsyncApiDocumentTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();
    // As the services serialize events (Quarkus' ObjectMapper: ISO dates), but strict on read.
    private static final ObjectMapper EVENTS = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
    private static final JsonSchemaFactory DRAFT_07 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final JsonNode document = read(EventSchemas.ASYNCAPI, YAML);

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        JsonSchema asyncApi = DRAFT_07.getSchema(read("asyncapi-spec/asyncapi-3.0.0.schema.json", JSON));
        assertEquals(Set.of(), asyncApi.validate(document));
        assertEquals("3.0.0", document.path("asyncapi").asText());
    }

    @Test
    void describesEveryTopicAndDeadLetterTopic() {
        Set<String> addresses = new TreeSet<>();
        document.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertEquals(new TreeSet<>(Set.of(Topics.APPLICATIONS, Topics.PLACEMENTS, Topics.FUNDING,
                Topics.deadLetterOf("applications-service"), Topics.deadLetterOf("funding-service"),
                Topics.deadLetterOf("placement-service"))), addresses);
    }

    @Test
    void everyEventTypeHasItsMessageOnItsTopicWithItsPayloadSchema() throws Exception {
        Map<String, JsonNode> messagesByType = messagesByType();
        assertEquals(new TreeSet<>(EventCatalog.eventTypes()), new TreeSet<>(messagesByType.keySet()),
                "every EventCatalog type, and only those, has a message in " + EventSchemas.ASYNCAPI);
        JsonSchema draft07 = DRAFT_07.getSchema(SchemaLocation.of(SchemaId.V7));
        for (String type : EventCatalog.eventTypes()) {
            JsonNode message = messagesByType.get(type);
            Class<? extends CnfsEvent> record = EventCatalog.payloadClassOf(type).orElseThrow();
            JsonNode payload = message.path("payload");
            assertEquals("application/schema+json;version=draft-07", payload.path("schemaFormat").asText(), type);
            assertEquals("./schemas/" + type + ".json", payload.path("schema").path("$ref").asText(), type);

            JsonNode schema = read(EventSchemas.payloadSchemaOf(type), JSON);
            assertEquals(Set.of(), draft07.validate(schema), type + ": not a draft-07 JSON Schema");
            List<String> components = Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName)
                    .toList();
            assertEquals(new TreeSet<>(components), fieldNames(schema.path("properties")), type + ": properties");
            assertEquals(new TreeSet<>(components), texts(schema.path("required")), type + ": required");
            if (schema.path("definitions").has("StructureSnapshot")) {
                assertEquals(new TreeSet<>(Arrays.stream(StructureSnapshot.class.getRecordComponents())
                        .map(RecordComponent::getName).toList()),
                        fieldNames(schema.path("definitions").path("StructureSnapshot").path("properties")), type);
            }

            // The example reads into the record strictly, and the record as the services write it fits the schema.
            JsonSchema payloadSchema = DRAFT_07.getSchema(schema);
            assertTrue(schema.path("examples").size() > 0, type + ": no example");
            for (JsonNode example : schema.path("examples")) {
                assertEquals(Set.of(), payloadSchema.validate(example), type + ": example");
                CnfsEvent event = EVENTS.treeToValue(example, record);
                assertEquals(event.topic(), channelOf(message.path("name").asText()), type + ": channel");
                JsonNode written = EVENTS.readTree(EVENTS.writeValueAsString(event));
                assertEquals(Set.of(), payloadSchema.validate(written), type + ": the record as serialized");
            }
        }
    }

    @Test
    void aPayloadMissingAFieldOrWithAWrongTypeIsRefused() {
        JsonSchema due = DRAFT_07.getSchema(read(EventSchemas.payloadSchemaOf(TrancheDue.TYPE), JSON));
        JsonNode example = read(EventSchemas.payloadSchemaOf(TrancheDue.TYPE), JSON).path("examples").get(0);
        var missing = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) missing).remove("amount");
        var notADate = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) notADate).put("dueDate", "01/05/2021");
        var fractionOfACent = example.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) fractionOfACent).put("amount", 25000.001);
        for (JsonNode wrong : List.of(missing, notADate, fractionOfACent)) {
            Set<ValidationMessage> errors = due.validate(wrong);
            assertTrue(!errors.isEmpty(), wrong.toString());
        }
    }

    private Map<String, JsonNode> messagesByType() {
        Map<String, JsonNode> byType = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> messages = document.path("components").path("messages").fields();
                messages.hasNext();) {
            JsonNode message = messages.next().getValue();
            for (JsonNode part : message.path("headers").path("allOf")) {
                String type = part.path("properties").path("ce_type").path("const").asText();
                if (!type.isEmpty()) {
                    assertEquals(null, byType.put(type, message), type + " has two messages");
                }
            }
        }
        return byType;
    }

    /** The address of the channel that lists the message. */
    private String channelOf(String messageName) {
        List<String> channels = new ArrayList<>();
        document.path("channels").forEach(channel -> {
            if (channel.path("messages").has(messageName)) {
                channels.add(channel.path("address").asText());
            }
        });
        assertEquals(1, channels.size(), messageName + " is on " + channels);
        return channels.get(0);
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> texts = new TreeSet<>();
        array.forEach(item -> texts.add(item.asText()));
        return texts;
    }

    private static JsonNode read(String resource, ObjectMapper mapper) {
        try (InputStream in = AsyncApiDocumentTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertNotNull(in, resource);
            return mapper.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(resource, e);
        }
    }
}
