package fr.cnfs.contracts.events;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Every event type this system publishes, with the record its payload decodes into. */
public final class EventCatalog {

    private static final Map<String, Class<? extends CnfsEvent>> BY_TYPE = Map.ofEntries(
            Map.entry(ApplicationSubmitted.TYPE, ApplicationSubmitted.class),
            Map.entry(ApplicationApproved.TYPE, ApplicationApproved.class),
            Map.entry(ApplicationRejected.TYPE, ApplicationRejected.class),
            Map.entry(ApplicationWithdrawn.TYPE, ApplicationWithdrawn.class),
            Map.entry(ContractStarted.TYPE, ContractStarted.class),
            Map.entry(ContractEnded.TYPE, ContractEnded.class),
            Map.entry(PostReturned.TYPE, PostReturned.class),
            Map.entry(GrantAwarded.TYPE, GrantAwarded.class),
            Map.entry(TrancheDue.TYPE, TrancheDue.class),
            Map.entry(TranchePaid.TYPE, TranchePaid.class),
            Map.entry(TrancheCancelled.TYPE, TrancheCancelled.class),
            Map.entry(RecoveryIssued.TYPE, RecoveryIssued.class),
            Map.entry(RecoverySettled.TYPE, RecoverySettled.class));

    private EventCatalog() {
    }

    public static Optional<Class<? extends CnfsEvent>> payloadClassOf(String eventType) {
        return Optional.ofNullable(BY_TYPE.get(eventType));
    }

    public static Set<String> eventTypes() {
        return BY_TYPE.keySet();
    }
}
