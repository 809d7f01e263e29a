package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.plumbing.http.AuditTrail;
import fr.cnfs.plumbing.http.IsoInstantJson;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Idempotency keys, security headers, CORS and the audit trail, through HTTP. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class HttpSafeguardsTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    ObjectMapper objectMapper;

    @Test
    void theServicesObjectMapperWritesInstantsWithThePlumbingsWriterInTheJdksFormat() throws Exception {
        assertEquals(IsoInstantJson.class, objectMapper.getSerializerProviderInstance()
                .findValueSerializer(Instant.class).getClass().getEnclosingClass());
        Instant instant = Instant.parse("2026-11-28T18:35:14.123456Z");
        assertEquals("{\"at\":\"" + instant + "\"}", objectMapper.writeValueAsString(Map.of("at", instant)));
    }

    @Test
    void theSameKeyWithTheSameBodyReplaysTheFirstResponseWithoutASecondEffect() {
        String key = UUID.randomUUID().toString();
        String text = "idempotent " + UUID.randomUUID();
        var first = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/fixture/notes").then().statusCode(201).header("Idempotency-Replayed", nullValue())
                .extract();
        var second = given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/fixture/notes").then().statusCode(201).header("Idempotency-Replayed", "true")
                .contentType(ContentType.JSON).extract();
        assertEquals(first.path("id").toString(), second.path("id").toString());
        assertEquals(first.header("Location"), second.header("Location"));
        assertEquals(1, count("SELECT count(*) FROM fixture_note WHERE text = '" + text + "'"));
        assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + text + "%'"));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        String key = UUID.randomUUID().toString();
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "first " + key))
                .when().post("/fixture/notes").then().statusCode(201);
        given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "second " + key))
                .when().post("/fixture/notes").then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:idempotency-key-reused"));
        assertEquals(0, count("SELECT count(*) FROM fixture_note WHERE text = 'second " + key + "'"));
    }

    @Test
    void aRefusalIsReplayedAndAnInvalidKeyIsRefused() {
        String key = UUID.randomUUID().toString();
        for (int attempt = 0; attempt < 2; attempt++) {
            given().header("Idempotency-Key", key).contentType(ContentType.JSON).body(Map.of("text", "refused " + key))
                    .queryParam("refuse", true).when().post("/fixture/notes")
                    .then().statusCode(422).body("type", equalTo("urn:cnfs:problem:fixture-refusal"));
        }
        given().header("Idempotency-Key", "x".repeat(201)).contentType(ContentType.JSON).body(Map.of("text", "t"))
                .when().post("/fixture/notes").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:invalid-idempotency-key"));
    }

    @Test
    void anOversizedBodyIsRefusedWith413AndAProblem() {
        String huge = "{\"text\": \"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        given().contentType(ContentType.JSON).body(huge).when().post("/fixture/notes")
                .then().statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:payload-too-large"));
    }

    @Test
    void aValueTheDatabaseCannotStoreIsABadRequestNotAServerError() {
        String text = "nul \u0000 " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("text", text)).when().post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:invalid-value"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("0x00")));
        assertEquals(0, count("SELECT count(*) FROM fixture_note WHERE text LIKE 'nul %'"));
    }

    @Test
    void aBodyWithTrailingTokensIsMalformed() {
        String text = "trailing " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body("{\"text\": \"" + text + "\"}}").when().post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:malformed-body"));
        assertEquals(0, count("SELECT count(*) FROM fixture_note WHERE text = '" + text + "'"));
    }

    @Test
    void aUniqueConstraintRaceIsAConflictNotAServerError() {
        String id = given().contentType(ContentType.JSON).body(Map.of("text", "original")).when().post("/fixture/notes")
                .then().statusCode(201).extract().path("id");
        given().contentType(ContentType.JSON).when().post("/fixture/notes/" + id + "/copy-under-same-id")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:duplicate"))
                .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("fixture_note")));
    }

    @Test
    void aRequestThatFindsNoFreeDatabaseConnectionInTimeAnswers503WithRetryAfter() throws Exception {
        int poolSize = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < poolSize; i++) {
                held.add(dataSource.getConnection());
            }
            given().when().get("/fixture/notes/" + UUID.randomUUID() + "/receipt").then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", "5")
                    .body("type", equalTo("urn:cnfs:problem:overloaded"))
                    .body("detail", org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("Agroal")));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        given().when().get("/fixture/notes/" + UUID.randomUUID() + "/receipt").then().statusCode(404);
    }

    @Test
    void answersCarryTheSecurityHeaders() {
        given().when().get("/fixture/notes/" + UUID.randomUUID() + "/receipt").then().statusCode(404)
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "no-referrer")
                .header("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
                .header("Cache-Control", "no-store");
        given().when().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", nullValue());
    }

    @Test
    void corsAllowsTheFrontEndOriginsOnly() {
        given().header("Origin", "http://localhost:3000").header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type,idempotency-key")
                .when().options("/fixture/notes").then().statusCode(200)
                .header("Access-Control-Allow-Origin", "http://localhost:3000");
        given().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .when().options("/fixture/notes").then().header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void stateChangingRequestsLeaveOneAuditLineWithoutTheBody() {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                Object[] parameters = record.getParameters();
                lines.add(parameters == null ? record.getMessage() : String.format(record.getMessage(), parameters));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger audit = java.util.logging.Logger.getLogger(AuditTrail.CATEGORY);
        audit.addHandler(capture);
        try {
            String secret = "personal " + UUID.randomUUID();
            given().contentType(ContentType.JSON).body(Map.of("text", secret)).when().post("/fixture/notes")
                    .then().statusCode(201);
            given().when().get("/fixture/notes/" + UUID.randomUUID() + "/receipt").then().statusCode(404);
            assertEquals(1, lines.size(), lines.toString());
            String line = lines.get(0);
            assertTrue(line.contains("operation=NoteResource.write") && line.contains("status=201")
                    && line.contains("subject=anonymous"), line);
            assertTrue(!line.contains(secret), line);
        } finally {
            audit.removeHandler(capture);
        }
    }

    private long count(String sql) {
        try (var connection = dataSource.getConnection(); var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getLong(1);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
