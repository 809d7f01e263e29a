package fr.cnfs.applications.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

import fr.cnfs.applications.domain.FundingSummaryService;
import fr.cnfs.contracts.events.GrantAwarded;
import fr.cnfs.contracts.events.TranchePaid;
import fr.cnfs.plumbing.inbox.EventRoutes;
import fr.cnfs.plumbing.inbox.InboxProcessor;
import io.smallrye.common.annotation.Blocking;

/** funding-service's events, for the funding summary shown on each approved application. */
@ApplicationScoped
public class FundingEventsConsumer {

    private final InboxProcessor inbox;
    private final EventRoutes routes;

    FundingEventsConsumer(InboxProcessor inbox, FundingSummaryService fundingSummary) {
        this.inbox = inbox;
        this.routes = new EventRoutes()
                .on(GrantAwarded.TYPE, GrantAwarded.class, (grant, envelope) -> fundingSummary.recordGrant(grant))
                .on(TranchePaid.TYPE, TranchePaid.class, (paid, envelope) -> fundingSummary.recordTranchePaid(paid));
    }

    @Incoming("funding-events")
    @Blocking
    public void consume(ConsumerRecord<String, String> record) {
        inbox.process(record, routes);
    }
}
