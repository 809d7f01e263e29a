package fr.cnfs.plumbing.outbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import fr.cnfs.contracts.events.CnfsEvent;

/** CloudEvents 1.0 Kafka binary-mode header names, and our dead-letter headers. */
public final class CloudEventHeaders {

    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String CONTENT_TYPE = "content-type";

    public static final String DEAD_LETTER_REASON = "dead-letter-reason";
    public static final String DEAD_LETTER_CONSUMER = "dead-letter-consumer";
    public static final String DEAD_LETTER_TOPIC = "dead-letter-topic";
    public static final String DEAD_LETTER_PARTITION = "dead-letter-partition";
    public static final String DEAD_LETTER_OFFSET = "dead-letter-offset";

    private CloudEventHeaders() {
    }

    /** The binary-mode headers of one event, as the relay publishes them and as tests replay them. */
    public static Map<String, String> forEvent(UUID id, CnfsEvent event, String source, Instant time) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(SPEC_VERSION, "1.0");
        headers.put(ID, id.toString());
        headers.put(TYPE, event.eventType());
        headers.put(SOURCE, source);
        headers.put(TIME, time.toString());
        headers.put(SUBJECT, event.aggregateId());
        headers.put(CONTENT_TYPE, "application/json");
        return headers;
    }
}
