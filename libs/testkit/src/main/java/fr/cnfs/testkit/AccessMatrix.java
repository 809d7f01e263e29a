package fr.cnfs.testkit;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Assertions;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The authorization matrix of one service as data, and its proof: every operation of the served OpenAPI document has
 * a row, and for each row no token answers 401, a role not in the row 403, a stranger with an allowed role 404 (or an
 * empty list), and the owner a success. Successful state changes must leave one audit line, and creations must honour
 * {@code Idempotency-Key}.
 */
public final class AccessMatrix {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private final String service;
    private final List<AccessRow> rows;
    private final List<String> failures = new ArrayList<>();
    private int requests;

    public AccessMatrix(String service, List<AccessRow> rows) {
        this.service = service;
        this.rows = rows.stream().sorted(Comparator.comparing(AccessRow::path).thenComparing(AccessRow::method)).toList();
    }

    public List<AccessRow> rows() {
        return rows;
    }

    public int requestsSent() {
        return requests;
    }

    /** Fails when an operation of the document has no row (or a row names an operation the document lacks). */
    public void assertCovers(ApiDocument document) {
        Set<String> documented = document.operations().stream().map(ApiDocument.Operation::key)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> declared = new TreeSet<>();
        for (AccessRow row : rows) {
            Assertions.assertTrue(declared.add(row.key()), "two rows for " + row.key());
            Assertions.assertTrue(row.isOpen() || !row.access().isEmpty(), row.key() + " allows no role");
            Assertions.assertNotNull(row.fixture(), row.key() + " has no fixture");
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(declared);
        Set<String> stale = new TreeSet<>(declared);
        stale.removeAll(documented);
        Assertions.assertTrue(missing.isEmpty() && stale.isEmpty(), service + ": operations without a row in the "
                + "access matrix " + missing + "; rows without an operation " + stale);
    }

    /** Runs every row; reports every failure at once. */
    public void verify(ApiDocument document) {
        assertCovers(document);
        Map<String, ApiDocument.Operation> operations = new HashMap<>();
        document.operations().forEach(operation -> operations.put(operation.key(), operation));
        try (AuditCapture audit = AuditCapture.start()) {
            for (AccessRow row : rows) {
                try {
                    verify(row, operations.get(row.key()), audit);
                } catch (RuntimeException | AssertionError e) {
                    failures.add(row.key() + ": fixture or call failed: " + e);
                }
            }
        }
        System.out.printf("[access-matrix] %s: %d operations, %d requests%n", service, rows.size(), requests);
        Assertions.assertTrue(failures.isEmpty(), service + " access matrix:\n" + String.join("\n", failures));
    }

    private void verify(AccessRow row, ApiDocument.Operation operation, AuditCapture audit) {
        if (row.isOpen()) {
            Call call = row.fixture().prepare(null);
            expectSuccess(row, call, null, "no token");
            for (String role : Identities.ROLES) {
                expectSuccess(row, row.fixture().prepare(role), Identities.someone(role), role);
            }
            return;
        }
        String primaryRole = row.primaryRole();
        Call primary = row.fixture().prepare(primaryRole);
        expectProblem(row, primary, null, 401, "no token");
        expectProblem(row, primary, "not.a.jwt", 401, "a malformed token");
        for (String role : Identities.ROLES) {
            if (!row.access().containsKey(role)) {
                expectProblem(row, primary, Identities.someone(role), 403, "role " + role);
            }
        }
        for (var allowed : row.access().entrySet()) {
            String role = allowed.getKey();
            Access how = allowed.getValue();
            Call call = role.equals(primaryRole) ? primary : row.fixture().prepare(role);
            if (how.objectScoped()) {
                if (call.stranger() == null) {
                    failures.add(row.key() + ": the fixture gives no stranger for " + role);
                } else {
                    expectProblem(row, call, call.stranger(), call.strangerStatus(), "a stranger " + role);
                }
            }
            if (how.listScoped()) {
                Response seen = send(row.method(), call, call.stranger(), Map.of(), call.body());
                check(row, seen.statusCode() / 100 == 2, "a stranger " + role + " lists with " + seen.statusCode());
                if (call.ownedId() != null) {
                    check(row, !seen.asString().contains(call.ownedId()), "a stranger " + role + " sees " + call.ownedId());
                }
            }
            Response response = expectOwnerSuccess(row, operation, call, role, audit);
            if (how.listScoped() && call.ownedId() != null && response != null) {
                check(row, response.asString().contains(call.ownedId()), role + " does not see its own " + call.ownedId());
            }
        }
    }

    private Response expectOwnerSuccess(AccessRow row, ApiDocument.Operation operation, Call call, String role,
            AuditCapture audit) {
        boolean creates = operation != null && operation.creates();
        String key = creates ? UUID.randomUUID().toString() : null;
        Map<String, String> headers = key == null ? Map.of() : Map.of(IDEMPOTENCY_KEY, key);
        audit.clear();
        Response response = send(row.method(), call, call.owner(), headers, call.body());
        if (!check(row, response.statusCode() / 100 == 2, role + " on its own object answered " + response.statusCode()
                + " " + abbreviate(response.asString()))) {
            return null;
        }
        if (!row.method().equals("GET")) {
            checkAudit(row, call, role, response, audit.lines());
        }
        if (creates) {
            Response replay = send(row.method(), call, call.owner(), headers, call.body());
            check(row, replay.statusCode() == response.statusCode() && "true".equals(replay.header("Idempotency-Replayed"))
                    && java.util.Objects.equals(replay.header("Location"), response.header("Location")),
                    "the same Idempotency-Key and body did not replay: " + replay.statusCode());
            Object otherBody = otherBody(call.body());
            Response reused = send(row.method(), call, call.owner(), headers, otherBody);
            check(row, reused.statusCode() == 422 && isProblem(reused),
                    "the same Idempotency-Key with another body answered " + reused.statusCode());
        }
        return response;
    }

    private void checkAudit(AccessRow row, Call call, String role, Response response, List<String> lines) {
        String subject = Identities.subjectOf(call.owner());
        String target = lastPathParameter(row.path(), call.path());
        List<String> mine = lines.stream().filter(line -> line.contains("subject=" + subject + " ")).toList();
        if (!check(row, mine.size() == 1, "expected one audit line for " + subject + ", got " + lines)) {
            return;
        }
        String line = mine.get(0);
        check(row, line.contains("role=" + role + " ") && line.contains("operation=")
                && line.contains("status=" + response.statusCode())
                && (target == null || line.contains("target=" + target)), "audit line incomplete: " + line);
        check(row, !line.contains(call.owner()) && !line.contains(call.owner().split("\\.")[1]),
                "the audit line holds the token");
        for (String value : stringsOf(call.body())) {
            // The subject is an id (a structure's is named after its SIRET); any other body value must stay out.
            check(row, value.length() < 6 || subject.contains(value) || !line.contains(value),
                    "the audit line holds body data '" + value + "'");
        }
    }

    private void expectSuccess(AccessRow row, Call call, String token, String who) {
        Response response = send(row.method(), call, token, Map.of(), call.body());
        check(row, response.statusCode() / 100 == 2, who + " answered " + response.statusCode());
    }

    private void expectProblem(AccessRow row, Call call, String token, int status, String who) {
        Response response = send(row.method(), call, token, Map.of(), call.body());
        check(row, response.statusCode() == status && isProblem(response), who + ": expected " + status
                + " problem+json, got " + response.statusCode() + " " + response.contentType() + " "
                + abbreviate(response.asString()));
    }

    private Response send(String method, Call call, String token, Map<String, String> headers, Object body) {
        requests++;
        RequestSpecification request = given().redirects().follow(false);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        request = request.headers(call.headers()).headers(headers).queryParams(call.query());
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        } else if (!method.equals("GET")) {
            request = request.contentType(ContentType.JSON);
        }
        return request.when().request(method, call.path()).then().extract().response();
    }

    private boolean check(AccessRow row, boolean condition, String message) {
        if (!condition) {
            failures.add(row.key() + ": " + message);
        }
        return condition;
    }

    public static boolean isProblem(Response response) {
        return response.contentType() != null && response.contentType().startsWith(PROBLEM_JSON);
    }

    private static Object otherBody(Object body) {
        if (body instanceof Map<?, ?> map) {
            Map<Object, Object> other = new HashMap<>(map);
            other.put("idempotencyProbe", UUID.randomUUID().toString());
            return other;
        }
        return Map.of("idempotencyProbe", UUID.randomUUID().toString());
    }

    private static Set<String> stringsOf(Object value) {
        Set<String> strings = new LinkedHashSet<>();
        if (value instanceof String text) {
            strings.add(text);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> strings.addAll(stringsOf(v)));
        } else if (value instanceof Iterable<?> items) {
            items.forEach(v -> strings.addAll(stringsOf(v)));
        }
        return strings;
    }

    /** The value of the last {@code {parameter}} of the template in a concrete path, or null if it has none. */
    static String lastPathParameter(String template, String path) {
        String[] templateParts = template.split("/");
        String[] parts = path.split("\\?")[0].split("/");
        String value = null;
        for (int i = 0; i < templateParts.length && i < parts.length; i++) {
            if (templateParts[i].startsWith("{")) {
                value = parts[i];
            }
        }
        return value;
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }

    /** The matrix as a Markdown table: one row per operation, one column per role, and the anonymous caller. */
    public String markdown() {
        StringBuilder table = new StringBuilder("| operation |");
        for (String role : Identities.ROLES) {
            table.append(' ').append(role).append(" |");
        }
        table.append(" no token |\n|---|");
        table.append("---|".repeat(Identities.ROLES.length + 1)).append('\n');
        for (AccessRow row : rows) {
            table.append("| `").append(row.key()).append("` |");
            for (String role : Identities.ROLES) {
                table.append(' ').append(row.cell(role)).append(" |");
            }
            table.append(row.isOpen() ? " yes |" : " 401 |").append('\n');
        }
        return table.toString();
    }

    /**
     * Fails when the section of {@code document} between {@code <!-- matrix:service -->} and
     * {@code <!-- /matrix:service -->} is not this matrix; writes the expected table to {@code target/} to copy.
     */
    public void assertDocumented(Path document) {
        String begin = "<!-- matrix:" + service + " -->";
        String end = "<!-- /matrix:" + service + " -->";
        String expected = markdown();
        try {
            Files.createDirectories(Path.of("target"));
            Files.writeString(Path.of("target", "security-matrix-" + service + ".md"), expected);
            String text = Files.readString(document);
            int from = text.indexOf(begin);
            int to = text.indexOf(end);
            Assertions.assertTrue(from >= 0 && to > from, document + " has no section " + begin + " … " + end);
            String documented = text.substring(from + begin.length(), to).strip();
            Assertions.assertEquals(expected.strip(), documented, document + " disagrees with the access matrix of "
                    + service + "; the table the code defines is in target/security-matrix-" + service + ".md");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
