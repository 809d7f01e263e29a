package fr.cnfs.contracts.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

class EventCatalogTest {

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void everyTypeIsVersionedAndMapsToItsOwnRecord() throws Exception {
        for (String type : EventCatalog.eventTypes()) {
            assertTrue(type.matches("fr\\.cnfs\\.[a-z]+\\.[a-z]+\\.v\\d+"), type);
            Class<? extends CnfsEvent> payloadClass = EventCatalog.payloadClassOf(type).orElseThrow();
            assertEquals(type, payloadClass.getField("TYPE").get(null));
        }
        assertFalse(EventCatalog.payloadClassOf("fr.cnfs.unknown.v1").isPresent());
    }

    @Test
    void payloadCarriesOnlyTheRecordComponentsAndIgnoresUnknownFieldsOnRead() throws Exception {
        var approved = new ApplicationApproved(UUID.randomUUID(),
                new StructureSnapshot("21690123100011", "Commune de Lyon", "COMMUNE", "PUBLIC", "69123", "69", "84",
                        "METRO", "69", false, false),
                UUID.randomUUID(), "PHASE_1", 2, List.of(UUID.randomUUID(), UUID.randomUUID()), 24, "COSELEC 1",
                Instant.parse("2021-03-01T10:00:00Z"), 3);

        var tree = json.readTree(json.writeValueAsString(approved));
        assertFalse(tree.has("eventType"));
        assertFalse(tree.has("topic"));
        assertEquals("2021-03-01T10:00:00Z", tree.get("decidedAt").asText());

        ((com.fasterxml.jackson.databind.node.ObjectNode) tree).put("fieldFromAFutureVersion", "ignored");
        assertEquals(approved, json.treeToValue(tree, ApplicationApproved.class));
    }

    @Test
    void moneyTravelsAsEurosWithTwoDecimals() throws Exception {
        var due = new TrancheDue(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                "21690123100011", 1, new BigDecimal("25000.00"), LocalDate.of(2021, 4, 1));
        String payload = json.writeValueAsString(due);
        assertTrue(payload.contains("\"amount\":25000.00"), payload);
        assertTrue(payload.contains("\"dueDate\":\"2021-04-01\""), payload);
    }
}
