package fr.cnfs.funding.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.cnfs.contracts.events.ContractEnded;
import fr.cnfs.contracts.events.ContractStarted;
import fr.cnfs.contracts.events.PostReturned;
import fr.cnfs.funding.domain.PostOccupationService;
import fr.cnfs.plumbing.inbox.EventRoutes;
import fr.cnfs.plumbing.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;

/** placement-service's contracts and returned posts: the occupation that earns each post's funding. */
@ApplicationScoped
public class PlacementEventsConsumer {

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    PlacementEventsConsumer(InboxProcessor inbox, PostOccupationService occupation) {
        this.inbox = inbox;
        this.routes = new EventRoutes()
                .on(ContractStarted.TYPE, ContractStarted.class, occupation::onContractStarted)
                .on(ContractEnded.TYPE, ContractEnded.class, occupation::onContractEnded)
                .on(PostReturned.TYPE, PostReturned.class, occupation::onPostReturned);
    }

    @Incoming("placement-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
