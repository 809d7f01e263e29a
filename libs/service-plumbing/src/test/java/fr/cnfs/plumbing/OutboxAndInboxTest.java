package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.KafkaBroker;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.fixture.NoteWritten;
import fr.cnfs.plumbing.inbox.InboxProcessor;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** The outbox, relay, inbox and dead-letter plumbing, on the real broker and database. */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class OutboxAndInboxTest {

    private static final String DEAD_LETTER_TOPIC = "cnfs.plumbing-fixture.dead-letter";

    @Inject
    AgroalDataSource dataSource;

    @Inject
    InboxProcessor inbox;

    private final TopicProbe topics = TopicProbe.onDevstack();

    @Test
    void aCommittedEventIsPublishedOnceWithItsCloudEventsHeaders() {
        String noteId = write("published " + UUID.randomUUID());

        ConsumerRecord<String, String> record = topics.await(NoteWritten.TOPIC, r -> noteId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow();
        assertNotNull(UUID.fromString(TopicProbe.header(record, "ce_id")));
        assertEquals(NoteWritten.TYPE, TopicProbe.header(record, "ce_type"));
        assertEquals("/cnfs/plumbing-fixture", TopicProbe.header(record, "ce_source"));
        assertEquals(noteId, TopicProbe.header(record, "ce_subject"));
        assertEquals("1.0", TopicProbe.header(record, "ce_specversion"));
        assertNotNull(java.time.Instant.parse(TopicProbe.header(record, "ce_time")));
        awaitTimesApplied(noteId, 1);
        assertEquals(1, topics.readAll(NoteWritten.TOPIC).stream().filter(r -> noteId.equals(r.key())).count());
    }

    @Test
    void anEventWhoseTransactionRollsBackIsNeverPublished() {
        String refusedText = "refused " + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("text", refusedText)).queryParam("refuse", true)
                .when().post("/fixture/notes")
                .then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("urn:cnfs:problem:fixture-refusal"));
        assertEquals(0, count("SELECT count(*) FROM outbox_event WHERE payload LIKE '%" + refusedText + "%'"));
        assertEquals(0, count("SELECT count(*) FROM fixture_note WHERE text = '" + refusedText + "'"));

        // A later event has gone through the relay, so the refused one had every chance to go too.
        String laterId = write("after the refusal " + UUID.randomUUID());
        topics.await(NoteWritten.TOPIC, r -> laterId.equals(r.key()), Duration.ofSeconds(30)).orElseThrow();
        assertFalse(topics.readAll(NoteWritten.TOPIC).stream().anyMatch(r -> r.value().contains(refusedText)));
    }

    @Test
    void anEventCommittedWhileTheBrokerIsDownIsPublishedWhenItIsBack() {
        KafkaBroker broker = KafkaBroker.current();
        broker.stop();
        String noteId;
        try {
            noteId = write("while the broker is down " + UUID.randomUUID());
            assertEquals(1, count("SELECT count(*) FROM fixture_note WHERE id = '" + noteId + "'"));
            assertEquals(1, count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '" + noteId
                    + "' AND published_at IS NULL"));
        } finally {
            broker.start();
        }
        awaitTimesApplied(noteId, 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> count("SELECT count(*) FROM outbox_event WHERE aggregate_id = '"
                + noteId + "' AND published_at IS NOT NULL") == 1);
    }

    @Test
    void theSameEventDeliveredTwiceHasOneEffect() {
        String noteId = write("delivered twice " + UUID.randomUUID());
        ConsumerRecord<String, String> original = topics.await(NoteWritten.TOPIC, r -> noteId.equals(r.key()),
                Duration.ofSeconds(30)).orElseThrow();
        awaitTimesApplied(noteId, 1);
        long duplicatesBefore = inbox.duplicateCount();

        Map<String, String> headers = new HashMap<>();
        original.headers().forEach(h -> headers.put(h.key(), new String(h.value(), java.nio.charset.StandardCharsets.UTF_8)));
        topics.publish(NoteWritten.TOPIC, original.key(), original.value(), headers);
        topics.publish(NoteWritten.TOPIC, original.key(), original.value(), headers);

        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.duplicateCount() >= duplicatesBefore + 2);
        given().when().get("/fixture/notes/" + noteId + "/receipt").then().statusCode(200).body("timesApplied", equalTo(1));
    }

    @Test
    void poisonMessagesGoToTheDeadLetterTopicAndTheNextMessageIsProcessed() {
        String key = UUID.randomUUID().toString();
        String marker = UUID.randomUUID().toString();
        // 1. Not a CloudEvent at all.
        topics.publish(NoteWritten.TOPIC, key, "not json " + marker, Map.of());
        // 2. A CloudEvent whose payload does not fit its type.
        topics.publish(NoteWritten.TOPIC, key, "{\"noteId\": \"not-a-uuid-" + marker + "\"}", ceHeaders(key));
        // 3. A well-formed event the handler refuses.
        String poisonId = UUID.randomUUID().toString();
        topics.publish(NoteWritten.TOPIC, key, "{\"noteId\":\"" + poisonId + "\",\"text\":\"poison " + marker + "\"}",
                ceHeaders(key));
        // 4. A good event behind them, on the same partition (same key).
        String goodId = UUID.randomUUID().toString();
        topics.publish(NoteWritten.TOPIC, key, "{\"noteId\":\"" + goodId + "\",\"text\":\"good " + marker + "\"}",
                ceHeaders(key));

        awaitTimesApplied(goodId, 1);
        List<ConsumerRecord<String, String>> deadLetters = await().atMost(Duration.ofSeconds(30))
                .until(() -> topics.readAll(DEAD_LETTER_TOPIC).stream()
                        .filter(r -> r.value() != null && r.value().contains(marker)).toList(), list -> list.size() == 3);
        for (ConsumerRecord<String, String> deadLetter : deadLetters) {
            assertEquals(key, deadLetter.key());
            assertEquals(NoteWritten.TOPIC, TopicProbe.header(deadLetter, "dead-letter-topic"));
            assertEquals("plumbing-fixture", TopicProbe.header(deadLetter, "dead-letter-consumer"));
            assertNotNull(TopicProbe.header(deadLetter, "dead-letter-offset"));
        }
        List<String> reasons = deadLetters.stream().map(r -> TopicProbe.header(r, "dead-letter-reason")).toList();
        assertTrue(reasons.get(0).contains("missing CloudEvents header"), reasons.get(0));
        assertTrue(reasons.get(1).contains("payload is not a valid " + NoteWritten.TYPE), reasons.get(1));
        assertTrue(reasons.get(2).contains("refused"), reasons.get(2));
        given().when().get("/fixture/notes/" + poisonId + "/receipt").then().statusCode(404);
    }

    /**
     * The relay's statements must not keep a plan made while the outbox was small. PostgreSQL settles on a generic
     * plan after a few executions of a server-prepared statement; for a set of keys, made on a small table, it is a
     * sequential scan, and without autovacuum to analyze the table nothing replaces it. Each publication then read
     * the whole outbox (seen in the benchmark, bench/results/2026-11-28-0931.md).
     */
    @Test
    void aLargeOutboxIsNotReadWholeAtEachPublication() {
        String filler = "filler-" + UUID.randomUUID();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> count("SELECT count(*) FROM outbox_event WHERE published_at IS NULL") == 0);
        // A new table: every cached plan that reads it is dropped, so the next ones are made on an empty outbox.
        execute("TRUNCATE outbox_event");
        for (int i = 0; i < 20; i++) {
            awaitTimesApplied(write("while the outbox is small " + i + " " + UUID.randomUUID()), 1);
        }
        int fillerRows = 30_000;
        execute("INSERT INTO outbox_event (id, topic, aggregate_type, aggregate_id, event_type, payload, headers, "
                + "occurred_at, published_at) SELECT gen_random_uuid(), '" + filler + "', 'filler', 'filler', "
                + "'filler', NULL, '{}', now(), now() FROM generate_series(1, " + fillerRows + ")");
        try {
            long indexScansBefore = tableStatistic("idx_scan");
            long rowsReadBefore = tableStatistic("seq_tup_read");
            int publications = 20;
            for (int i = 0; i < publications; i++) {
                awaitTimesApplied(write("while the outbox is large " + i + " " + UUID.randomUUID()), 1);
            }
            // Statistics reach the shared view when a backend is idle: wait for the claims (an index scan each) to
            // show, then the scans made in the same transactions show too.
            await().atMost(Duration.ofSeconds(30))
                    .until(() -> tableStatistic("idx_scan") >= indexScansBefore + publications);
            long rowsRead = tableStatistic("seq_tup_read") - rowsReadBefore;
            assertTrue(rowsRead < fillerRows, "the relay read " + rowsRead + " rows in sequence for " + publications
                    + " publications over an outbox of " + fillerRows + " rows");
        } finally {
            execute("DELETE FROM outbox_event WHERE topic = '" + filler + "'");
        }
    }

    @Test
    void errorsAreProblemDocuments() {
        given().contentType(ContentType.JSON).body("{\"text\": ").when().post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400)).body("title", equalTo("Malformed request body"));
        given().contentType(ContentType.JSON).body(Map.of("text", "")).when().post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text"));
        given().contentType(ContentType.JSON).body("{\"text\": [1,2]}").when().post("/fixture/notes")
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo("text"));
        given().when().get("/fixture/notes/" + UUID.randomUUID() + "/receipt")
                .then().statusCode(404).contentType("application/problem+json").body("instance", org.hamcrest.Matchers.startsWith("/fixture/notes/"));
        given().when().get("/nowhere").then().statusCode(404).contentType("application/problem+json");
        given().contentType(ContentType.TEXT).body("text").when().post("/fixture/notes")
                .then().statusCode(415).contentType("application/problem+json");
    }

    private Map<String, String> ceHeaders(String subject) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ce_id", UUID.randomUUID().toString());
        headers.put("ce_type", NoteWritten.TYPE);
        headers.put("ce_source", "/test");
        headers.put("ce_specversion", "1.0");
        headers.put("ce_subject", subject);
        return headers;
    }

    private String write(String text) {
        return given().contentType(ContentType.JSON).body(Map.of("text", text))
                .when().post("/fixture/notes")
                .then().statusCode(201).extract().path("id");
    }

    private void awaitTimesApplied(String noteId, int expected) {
        await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> given().when().get("/fixture/notes/" + noteId + "/receipt")
                .then().statusCode(200).body("timesApplied", equalTo(expected)));
    }

    private long tableStatistic(String column) {
        return count("SELECT " + column + " FROM pg_stat_user_tables WHERE relname = 'outbox_event'");
    }

    private void execute(String sql) {
        try (var connection = dataSource.getConnection(); var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
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
