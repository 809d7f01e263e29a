package fr.cnfs.placement.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.cnfs.contracts.events.ApplicationApproved;
import fr.cnfs.placement.domain.PostService;
import fr.cnfs.plumbing.inbox.EventRoutes;
import fr.cnfs.plumbing.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;

/** applications-service's decisions: an approval opens its posts. */
@ApplicationScoped
public class ApplicationEventsConsumer {

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    ApplicationEventsConsumer(InboxProcessor inbox, PostService posts) {
        this.inbox = inbox;
        this.routes = new EventRoutes()
                .on(ApplicationApproved.TYPE, ApplicationApproved.class, (approved, envelope) -> posts.openPosts(approved));
    }

    @Incoming("application-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
