package fr.cnfs.contracts.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * @param postIds                   one id per granted post, assigned at the decision, so every service names a post alike
 * @param fundingPhase              the campaign's funding rule phase, e.g. {@code PHASE_1}
 * @param recruitmentDeadlineMonths months after the decision within which the posts should be filled
 */
public record ApplicationApproved(
        UUID applicationId,
        StructureSnapshot structure,
        UUID campaignId,
        String fundingPhase,
        int postsGranted,
        List<UUID> postIds,
        int contractMonths,
        String decisionNumber,
        Instant decidedAt,
        int recruitmentDeadlineMonths) implements CnfsEvent {

    public static final String TYPE = "fr.cnfs.application.approved.v1";

    public ApplicationApproved {
        postIds = List.copyOf(postIds);
    }

    @Override public String eventType() { return TYPE; }
    @Override public String topic() { return Topics.APPLICATIONS; }
    @Override public String aggregateType() { return "application"; }
    @Override public String aggregateId() { return applicationId.toString(); }
}
