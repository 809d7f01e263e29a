package fr.cnfs.plumbing;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import fr.cnfs.devstack.DevstackTestResource;
import fr.cnfs.devstack.TopicProbe;
import fr.cnfs.plumbing.fixture.NoteWritten;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * With tracing on (its one setting, {@code quarkus.otel.sdk.disabled=false}, is in this module's test configuration), a
 * trace goes from the caller's request through the outbox to Kafka (W3C {@code traceparent} header) and on to the
 * consumer, whose span is a child of the request's span.
 */
@QuarkusTest
@QuarkusTestResource(value = DevstackTestResource.class, initArgs = @ResourceArg(name = "database", value = "plumbing_test"))
class TracingTest {

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theTraceFollowsTheRequestToTheEventAndItsConsumer() {
        String callerTraceId = hex(16);
        String callerSpanId = hex(8);
        String noteId = given().header("traceparent", "00-" + callerTraceId + "-" + callerSpanId + "-01")
                .contentType(ContentType.JSON).body(Map.of("text", "traced"))
                .when().post("/fixture/notes").then().statusCode(201).extract().path("id");

        var record = TopicProbe.onDevstack().await(NoteWritten.TOPIC, r -> noteId.equals(r.key()), Duration.ofSeconds(30))
                .orElseThrow();
        String[] traceparent = TopicProbe.header(record, "traceparent").split("-");
        assertEquals(callerTraceId, traceparent[1], "the event carries the caller's trace");
        String requestSpanId = traceparent[2];

        SpanData request = await().atMost(Duration.ofSeconds(30)).until(() -> find(SpanKind.SERVER, callerTraceId), s -> s != null);
        assertEquals(requestSpanId, request.getSpanId(), "the outbox captured the request's span");
        assertEquals(callerSpanId, request.getParentSpanId());

        SpanData consumer = await().atMost(Duration.ofSeconds(30)).until(() -> find(SpanKind.CONSUMER, callerTraceId), s -> s != null);
        assertEquals(requestSpanId, consumer.getParentSpanId(), "the consumer continues the request's span");
        assertTrue(consumer.getParentSpanContext().isRemote());
    }

    private SpanData find(SpanKind kind, String traceId) {
        return spans.getFinishedSpanItems().stream()
                .filter(span -> span.getKind() == kind && span.getTraceId().equals(traceId))
                .findFirst().orElse(null);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros, which W3C forbids
        return HexFormat.of().formatHex(random);
    }
}
