package fr.cnfs.plumbing.inbox;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import fr.cnfs.plumbing.outbox.Outbox;
import fr.cnfs.plumbing.paging.PageOf;
import fr.cnfs.plumbing.paging.PageRequest;
import fr.cnfs.plumbing.problem.ResourceNotFoundException;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** The dead letters of this service, and their replay once the cause is fixed. */
@ApplicationScoped
@Transactional(TxType.REQUIRED)
public class DeadLetterService {

    private static final String TAKE = """
            DELETE FROM inbox_entry WHERE consumer = ?1 AND event_key = ?2 AND outcome = 'DEAD_LETTERED'
            RETURNING source_topic, record_key, payload, headers""";

    private final EntityManager entityManager;
    private final Outbox outbox;
    private final InboxConfig config;
    private final ObjectMapper objectMapper;

    DeadLetterService(EntityManager entityManager, Outbox outbox, InboxConfig config, ObjectMapper objectMapper) {
        this.entityManager = entityManager;
        this.outbox = outbox;
        this.config = config;
        this.objectMapper = objectMapper;
    }

    @Transactional(TxType.SUPPORTS)
    public <T> PageOf<T> list(String eventType, PageRequest page, Function<DeadLetter, T> view) {
        String query = "consumer = :consumer and outcome = :outcome" + (eventType == null ? "" : " and eventType = :type");
        Parameters parameters = Parameters.with("consumer", config.consumerName()).and("outcome", InboxProcessor.DEAD_LETTERED);
        if (eventType != null) {
            parameters.and("type", eventType);
        }
        Sort sort = page.sortOr(Map.of("processedAt", "processedAt"), Sort.descending("processedAt").and("eventKey"));
        return PageOf.of(DeadLetter.find(query, sort, parameters), page, view);
    }

    /**
     * Forgets the dead letter and publishes its record again to its original topic: this service consumes it anew,
     * applying it if its cause is gone or dead-lettering it again. Other consumers skip it by its {@code ce_id}.
     */
    public void replay(String eventKey) {
        List<?> rows = entityManager.createNativeQuery(TAKE)
                .setParameter(1, config.consumerName()).setParameter(2, eventKey).getResultList();
        if (rows.isEmpty()) {
            throw new ResourceNotFoundException("Dead letter", eventKey);
        }
        Object[] row = (Object[]) rows.get(0);
        Map<String, String> headers;
        try {
            headers = row[3] == null ? Map.of()
                    : objectMapper.readValue((String) row[3], new TypeReference<Map<String, String>>() {
                    });
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Unreadable headers of dead letter " + eventKey, e);
        }
        outbox.republish((String) row[0], (String) row[1], (String) row[2], headers);
    }
}
