package fr.cnfs.plumbing.inbox;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import fr.cnfs.contracts.events.CnfsEvent;

/** Which handler applies which event type; types without a route are not this consumer's business. */
public final class EventRoutes {

    private final Map<String, Route<?>> routes = new HashMap<>();

    public <E extends CnfsEvent> EventRoutes on(String eventType, Class<E> payloadClass, EventHandler<E> handler) {
        routes.put(eventType, new Route<>(payloadClass, handler));
        return this;
    }

    Optional<Route<?>> routeFor(String eventType) {
        return Optional.ofNullable(routes.get(eventType));
    }

    record Route<E>(Class<E> payloadClass, EventHandler<E> handler) {

        @SuppressWarnings("unchecked")
        void apply(Object payload, EventEnvelope envelope) {
            handler.apply((E) payload, envelope);
        }
    }
}
