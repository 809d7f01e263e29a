package fr.cnfs.funding.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.funding.domain.GrantService;
import fr.cnfs.plumbing.inbox.EventRoutes;
import fr.cnfs.plumbing.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;

/** applications-service's decisions: an approval becomes a grant. */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    ApplicationEventsConsumer(InboxProcessor inbox, GrantService grants) {
        this.inbox = inbox;
        this.routes = new EventRoutes()
                .on(ApplicationApproved.TYPE, ApplicationApproved.class, (approved, envelope) -> grants.award(approved));
    }

    @Incoming("application-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
