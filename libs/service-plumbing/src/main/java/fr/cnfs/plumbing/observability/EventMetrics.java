package fr.cnfs.plumbing.observability;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/** Counters of the event plumbing, on /q/metrics: what was published, consumed, skipped and dead-lettered. */
@ApplicationScoped
public class EventMetrics {

    private final MeterRegistry registry;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void published(String topic, String eventType) {
        counter("cnfs.events.published", "Events the outbox relay published", "topic", topic, "type", eventType)
                .increment();
    }

    /** {@code outcome}: applied, duplicate (already applied, skipped) or dead_lettered. */
    public void consumed(String eventType, String outcome) {
        counter("cnfs.events.consumed", "Events this service consumed, by outcome", "type",
                eventType == null ? "unknown" : eventType, "outcome", outcome).increment();
    }

    private Counter counter(String name, String description, String... tags) {
        return Counter.builder(name).description(description).tags(tags).register(registry);
    }
}
