package fr.cnfs.plumbing.inbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

import fr.cnfs.plumbing.outbox.CloudEventHeaders;

/** The CloudEvents attributes of a consumed record, and where it came from. */
public record EventEnvelope(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String topic,
        int partition,
        long offset) {

    /** Reads the binary-mode headers; a record without {@code ce_id} or {@code ce_type} cannot be processed. */
    static EventEnvelope of(ConsumerRecord<String, String> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || id.isBlank() || type == null || type.isBlank()) {
            throw new RejectedEventException("missing CloudEvents header ce_id or ce_type");
        }
        Instant time = null;
        String timeHeader = header(record, CloudEventHeaders.TIME);
        if (timeHeader != null) {
            try {
                time = Instant.parse(timeHeader);
            } catch (java.time.format.DateTimeParseException e) {
                throw new RejectedEventException("invalid ce_time header: " + timeHeader);
            }
        }
        return new EventEnvelope(id, type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time, record.topic(), record.partition(), record.offset());
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
