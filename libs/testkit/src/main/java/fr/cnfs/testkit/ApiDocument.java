package fr.cnfs.testkit;

import static io.restassured.RestAssured.given;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The service's own OpenAPI document, as served at {@code /q/openapi}: the source of truth for what is exposed. */
public final class ApiDocument {

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final JsonNode root;

    private ApiDocument(JsonNode root) {
        this.root = root;
    }

    /** Reads the document of the application under test. */
    public static ApiDocument served() {
        String text = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200).extract()
                .asString();
        try {
            return new ApiDocument(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("/q/openapi is not JSON", e);
        }
    }

    /** One operation of the document. */
    public record Operation(String method, String path, JsonNode node) {

        public String key() {
            return method + " " + path;
        }

        public boolean answers(String status) {
            return node.path("responses").has(status);
        }

        /** A POST documented with a 201: it creates a resource. */
        public boolean creates() {
            return method.equals("POST") && answers("201");
        }

        public List<JsonNode> parameters() {
            List<JsonNode> parameters = new ArrayList<>();
            node.path("parameters").forEach(parameters::add);
            return parameters;
        }

        public boolean hasParameter(String in, String name) {
            for (JsonNode parameter : node.path("parameters")) {
                if (in.equals(parameter.path("in").asText()) && name.equalsIgnoreCase(parameter.path("name").asText())) {
                    return true;
                }
            }
            return false;
        }

        public boolean takesBody() {
            return node.has("requestBody");
        }

        public JsonNode bodySchema() {
            JsonNode content = node.path("requestBody").path("content");
            Iterator<Map.Entry<String, JsonNode>> types = content.fields();
            return types.hasNext() ? types.next().getValue().path("schema") : JSON.createObjectNode();
        }
    }

    public List<Operation> operations() {
        List<Operation> operations = new ArrayList<>();
        root.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
            if (METHODS.contains(entry.getKey())) {
                operations.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue()));
            }
        }));
        return operations;
    }

    /** Follows {@code $ref} to {@code #/components/schemas/...}, and merges an {@code allOf} into one object schema. */
    public JsonNode resolve(JsonNode schema) {
        JsonNode current = schema;
        for (int depth = 0; depth < 10 && current.has("$ref"); depth++) {
            String ref = current.get("$ref").asText();
            current = root.at(ref.substring(1));
        }
        if (current.has("allOf")) {
            ObjectNode merged = JSON.createObjectNode();
            ObjectNode properties = merged.putObject("properties");
            var required = merged.putArray("required");
            merged.put("type", "object");
            for (JsonNode part : current.get("allOf")) {
                JsonNode resolved = resolve(part);
                resolved.path("properties").fields().forEachRemaining(p -> properties.set(p.getKey(), p.getValue()));
                resolved.path("required").forEach(required::add);
                resolved.fields().forEachRemaining(field -> {
                    if (!field.getKey().equals("properties") && !field.getKey().equals("required")
                            && !merged.has(field.getKey())) {
                        merged.set(field.getKey(), field.getValue());
                    }
                });
            }
            return merged;
        }
        return current;
    }

    /** The schema's type, resolving references; for {@code type: [string, "null"]} forms, the non-null one. */
    public String typeOf(JsonNode schema) {
        JsonNode resolved = resolve(schema);
        JsonNode type = resolved.path("type");
        if (type.isArray()) {
            for (JsonNode candidate : type) {
                if (!candidate.asText().equals("null")) {
                    return candidate.asText();
                }
            }
        }
        if (type.isTextual()) {
            return type.asText();
        }
        if (resolved.has("properties")) {
            return "object";
        }
        if (resolved.has("enum")) {
            return "string";
        }
        return "any";
    }
}
