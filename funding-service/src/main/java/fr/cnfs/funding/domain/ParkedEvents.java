package fr.cnfs.funding.domain;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.contracts.events.CnfsEvent;
import fr.cnfs.contracts.events.EventCatalog;
import fr.cnfs.contracts.events.Topics;
import fr.cnfs.plumbing.inbox.EventEnvelope;
import fr.cnfs.plumbing.inbox.InboxConfig;
import fr.cnfs.plumbing.outbox.CloudEventHeaders;
import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/**
 * Keeps placement events that came before their prerequisite, in the transaction that consumed them (so the inbox
 * has recorded them, and they are never lost), until the prerequisite is applied.
 */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class ParkedEvents {

    private final ObjectMapper json;
    private final Outbox outbox;
    private final InboxConfig inbox;
    private final Clock clock;

    ParkedEvents(ObjectMapper json, Outbox outbox, InboxConfig inbox, Clock clock) {
        this.json = json;
        this.outbox = outbox;
        this.inbox = inbox;
        this.clock = clock;
    }

    public void park(EventEnvelope envelope, CnfsEvent event, UUID postId, UUID contractId, String waitingFor) {
        ParkedEvent parked = new ParkedEvent();
        parked.eventId = envelope.id();
        parked.eventType = envelope.type();
        parked.postId = postId;
        parked.contractId = contractId;
        parked.payload = write(event);
        parked.headers = write(headersOf(envelope));
        parked.waitingFor = waitingFor;
        parked.status = ParkedEvent.Status.PARKED;
        parked.parkedAt = now();
        parked.persist();
    }

    public CnfsEvent payloadOf(ParkedEvent parked) {
        Class<? extends CnfsEvent> type = EventCatalog.payloadClassOf(parked.eventType)
                .orElseThrow(() -> new IllegalStateException("unknown parked event type " + parked.eventType));
        try {
            return json.readValue(parked.payload, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked event " + parked.eventId + " cannot be read back", e);
        }
    }

    public void applied(ParkedEvent parked) {
        parked.status = ParkedEvent.Status.APPLIED;
        parked.resolvedAt = now();
        parked.outcome = "applied after " + parked.waitingFor;
    }

    /** A parked event that turned out inapplicable goes to the dead-letter topic, as it would have on arrival. */
    public void reject(ParkedEvent parked, String reason) {
        parked.status = ParkedEvent.Status.REJECTED;
        parked.resolvedAt = now();
        parked.outcome = reason;
        deadLetter(parked, reason);
    }

    /**
     * Rejects an event that waited too long, unless a consumer applied it meanwhile: the update only takes a row
     * still PARKED, and the consumer reads the parked rows locked, so exactly one of them resolves it.
     */
    public boolean expire(ParkedEvent parked, String reason) {
        int updated = ParkedEvent.update("status = ?1, resolvedAt = ?2, outcome = ?3 where seq = ?4 and status = ?5",
                ParkedEvent.Status.REJECTED, now(), reason, parked.seq, ParkedEvent.Status.PARKED);
        if (updated == 0) {
            return false;
        }
        deadLetter(parked, reason);
        return true;
    }

    private void deadLetter(ParkedEvent parked, String reason) {
        Map<String, String> headers = read(parked.headers);
        headers.put(CloudEventHeaders.DEAD_LETTER_REASON, reason);
        headers.put(CloudEventHeaders.DEAD_LETTER_CONSUMER, inbox.consumerName());
        outbox.deadLetter(Topics.deadLetterOf(inbox.consumerName()), parked.postId.toString(), parked.payload, headers);
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(ParkedEvent.Status status, UUID postId, PageRequest page,
            java.util.function.Function<ParkedEvent, T> view) {
        StringBuilder query = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (status != null) {
            query.append(" and status = :status");
            parameters.and("status", status);
        }
        if (postId != null) {
            query.append(" and postId = :postId");
            parameters.and("postId", postId);
        }
        Sort sort = page.sortOr(Map.of("parkedAt", "parkedAt"), Sort.ascending("seq"));
        return PageOf.of(ParkedEvent.find(query.toString(), sort, parameters), page, view);
    }

    private static Map<String, String> headersOf(EventEnvelope envelope) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(CloudEventHeaders.SPEC_VERSION, "1.0");
        headers.put(CloudEventHeaders.ID, envelope.id());
        headers.put(CloudEventHeaders.TYPE, envelope.type());
        if (envelope.source() != null) {
            headers.put(CloudEventHeaders.SOURCE, envelope.source());
        }
        if (envelope.time() != null) {
            headers.put(CloudEventHeaders.TIME, envelope.time().toString());
        }
        if (envelope.subject() != null) {
            headers.put(CloudEventHeaders.SUBJECT, envelope.subject());
        }
        headers.put(CloudEventHeaders.CONTENT_TYPE, "application/json");
        headers.put(CloudEventHeaders.DEAD_LETTER_TOPIC, envelope.topic());
        headers.put(CloudEventHeaders.DEAD_LETTER_PARTITION, String.valueOf(envelope.partition()));
        headers.put(CloudEventHeaders.DEAD_LETTER_OFFSET, String.valueOf(envelope.offset()));
        return headers;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize " + value.getClass().getSimpleName(), e);
        }
    }

    private Map<String, String> read(String headers) {
        try {
            return new LinkedHashMap<>(json.readValue(headers, new TypeReference<Map<String, String>>() {
            }));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("parked headers cannot be read back", e);
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
