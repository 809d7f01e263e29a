package fr.cnfs.plumbing.openapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * What a front-end team needs from a service's OpenAPI document before it generates a client from it, checked the
 * same way in every service (each service's OpenApiDocumentTest runs these rules on its served document).
 */
public final class OpenApiDocumentRules {

    /** Where the build stores the document (quarkus.smallrye-openapi.store-schema-directory), relative to the module. */
    public static final Path STORED_DIRECTORY = Path.of("openapi");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");
    private static final String PROBLEM = "application/problem+json";
    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    private OpenApiDocumentRules() {
    }

    public static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException("The OpenAPI document is not JSON", e);
        }
    }

    /** Every business operation, as "METHOD /path", leaving out the Quarkus endpoints under /q/. */
    public static Set<String> operations(JsonNode document) {
        Set<String> found = new TreeSet<>();
        forEachOperation(document, (name, operation) -> found.add(name));
        return found;
    }

    /**
     * The defects of the document, one line each: an empty list means every operation has a unique operationId, a
     * tag, a summary, a description, a security requirement naming a declared scheme (unless listed in
     * {@code publicOperations}), a schema for every parameter, an example and a schema for its request body and for
     * every response that has a body, and every error response is a problem document (schema and example).
     */
    public static List<String> defects(JsonNode document, Set<String> publicOperations) {
        List<String> defects = new ArrayList<>();
        JsonNode components = document.path("components");
        Set<String> schemes = new TreeSet<>();
        components.path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        // SmallRye names the second of two types that want the same schema name "Name1": clients would get both.
        components.path("schemas").fieldNames().forEachRemaining(schema -> {
            if (schema.matches(".*\\D\\d+") && components.path("schemas").has(schema.replaceAll("\\d+$", ""))) {
                defects.add("schema " + schema + ": two types share the name " + schema.replaceAll("\\d+$", ""));
            }
        });
        Map<String, String> operationIds = new TreeMap<>();
        forEachOperation(document, (name, operation) -> {
            String operationId = operation.path("operationId").asText();
            if (operationId.isBlank()) {
                defects.add(name + ": no operationId (the generated client's function name)");
            } else if (operationIds.putIfAbsent(operationId, name) != null) {
                defects.add(name + ": operationId " + operationId + " also names " + operationIds.get(operationId));
            }
            if (operation.path("tags").isEmpty()) {
                defects.add(name + ": no tag");
            }
            if (operation.path("summary").asText().isBlank()) {
                defects.add(name + ": no summary");
            }
            if (operation.path("description").asText().isBlank()) {
                defects.add(name + ": no description");
            }
            boolean secured = !operation.path("security").isEmpty() || !document.path("security").isEmpty();
            if (secured == publicOperations.contains(name)) {
                defects.add(name + (secured ? ": listed as public but has a security requirement"
                        : ": no security requirement, and not listed as public"));
            }
            for (JsonNode requirement : operation.path("security")) {
                requirement.fieldNames().forEachRemaining(scheme -> {
                    if (!schemes.contains(scheme)) {
                        defects.add(name + ": security scheme " + scheme + " is not declared in components");
                    }
                });
            }
            for (JsonNode parameter : operation.path("parameters")) {
                if (parameter.path("schema").isEmpty() && parameter.path("content").isEmpty()) {
                    defects.add(name + ": parameter " + parameter.path("name").asText() + " has no schema");
                }
            }
            if (operation.has("requestBody")) {
                checkContent(name + ": request body", operation.get("requestBody").path("content"), defects);
            }
            JsonNode responses = operation.path("responses");
            Set<String> codes = new TreeSet<>();
            responses.fieldNames().forEachRemaining(codes::add);
            if (codes.stream().noneMatch(code -> code.startsWith("2"))) {
                defects.add(name + ": no success response");
            }
            for (String code : codes) {
                JsonNode response = resolve(responses.get(code), components);
                String where = name + ": response " + code;
                if (response.path("description").asText().isBlank()) {
                    defects.add(where + " has no description");
                }
                response.path("headers").fields().forEachRemaining(header -> {
                    if (header.getValue().path("schema").isEmpty()) {
                        defects.add(where + ": header " + header.getKey() + " has no schema");
                    }
                });
                JsonNode content = response.path("content");
                if (code.equals("204") || code.equals("304")) {
                    if (!content.isEmpty()) {
                        defects.add(where + " has a body");
                    }
                    continue;
                }
                if (content.isEmpty()) {
                    defects.add(where + " has no body documented");
                    continue;
                }
                checkContent(where, content, defects);
                if (code.startsWith("4") || code.startsWith("5")) {
                    JsonNode problem = content.path(PROBLEM);
                    if (problem.isMissingNode() || content.size() != 1) {
                        defects.add(where + " is not only " + PROBLEM);
                    } else if (!PROBLEM_SCHEMA.equals(problem.path("schema").path("$ref").asText())) {
                        defects.add(where + " does not use the Problem schema");
                    }
                }
            }
            if (secured && !codes.containsAll(Set.of("401", "403"))) {
                defects.add(name + ": 401 and 403 not both documented");
            }
            if (name.contains("{") && !codes.contains("404")) {
                defects.add(name + ": 404 not documented");
            }
            boolean hasInput = operation.has("requestBody") || !operation.path("parameters").isEmpty();
            if (hasInput && !codes.contains("400")) {
                defects.add(name + ": 400 not documented");
            }
        });
        return defects;
    }

    /**
     * Compares the document the service serves with the one stored in the module's openapi/ folder. Returns null
     * when they are the same, else a message saying how to refresh the stored one; the served document is written
     * under target/ for a look.
     */
    public static String storedDocumentMismatch(String servedJson, String servedYaml, String module) {
        try {
            Path storedJson = STORED_DIRECTORY.resolve("openapi.json");
            Path storedYaml = STORED_DIRECTORY.resolve("openapi.yaml");
            JsonNode served = JSON.readTree(servedJson);
            List<String> stale = new ArrayList<>();
            if (!Files.exists(storedJson) || !served.equals(JSON.readTree(Files.readString(storedJson)))) {
                stale.add(storedJson.toString());
            }
            if (!Files.exists(storedYaml) || !YAML.readTree(servedYaml).equals(YAML.readTree(Files.readString(storedYaml)))) {
                stale.add(storedYaml.toString());
            }
            if (stale.isEmpty()) {
                return null;
            }
            Path actual = Path.of("target", "openapi-served");
            Files.createDirectories(actual);
            Files.writeString(actual.resolve("openapi.json"), servedJson);
            Files.writeString(actual.resolve("openapi.yaml"), servedYaml);
            return module + ": the stored OpenAPI document " + stale + " differs from what the service serves at"
                    + " /q/openapi (written to " + module + "/" + actual + "). Refresh it with `./mvnw -B -pl " + module
                    + " -am package -DskipTests` (the build stores it in " + module + "/openapi/), review the diff and"
                    + " commit it with the API change.";
        } catch (IOException e) {
            throw new IllegalStateException("Cannot compare the stored OpenAPI document", e);
        }
    }

    private static void checkContent(String where, JsonNode content, List<String> defects) {
        if (content.isEmpty()) {
            defects.add(where + " has no content");
        }
        for (Iterator<Map.Entry<String, JsonNode>> media = content.fields(); media.hasNext();) {
            var entry = media.next();
            JsonNode mediaType = entry.getValue();
            if (mediaType.path("schema").isEmpty()) {
                defects.add(where + " (" + entry.getKey() + ") has no schema");
            }
            boolean example = mediaType.has("example") || !mediaType.path("examples").isEmpty();
            if (!example) {
                defects.add(where + " (" + entry.getKey() + ") has no example");
            }
            for (JsonNode named : mediaType.path("examples")) {
                if (!named.has("value") && !named.has("externalValue") && !named.has("$ref")) {
                    defects.add(where + " (" + entry.getKey() + ") has an example without a value");
                }
            }
        }
    }

    private static JsonNode resolve(JsonNode response, JsonNode components) {
        if (response.has("$ref")) {
            String name = response.get("$ref").asText().replace("#/components/responses/", "");
            return components.path("responses").path(name);
        }
        return response;
    }

    private interface OperationVisitor {
        void visit(String name, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationVisitor visitor) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            var path = paths.next();
            if (path.getKey().startsWith("/q/")) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext();) {
                var method = methods.next();
                if (METHODS.contains(method.getKey())) {
                    visitor.visit(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
                }
            }
        }
    }
}
