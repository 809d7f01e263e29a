package fr.cnfs.plumbing.observability;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/** Gives every HTTP request its correlation id, in the logs while it runs and in the response. */
@ApplicationScoped
public class CorrelationIdFilter {

    /** First of all filters, so that even a refused request is logged with its id. */
    private static final int PRIORITY = 2000;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String correlationId = CorrelationId.acceptOrCreate(context.request().getHeader(CorrelationId.HTTP_HEADER));
            CorrelationId.set(correlationId);
            context.response().putHeader(CorrelationId.HTTP_HEADER, correlationId);
            context.addEndHandler(ended -> CorrelationId.clear());
            context.next();
        }, PRIORITY);
    }
}
