package fr.cnfs.placement.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.cnfs.placement.domain.MatchDetails;
import fr.cnfs.placement.domain.MatchState;
import fr.cnfs.placement.domain.MatchTransition;
import fr.cnfs.placement.domain.Proximity;
import fr.cnfs.placement.domain.TrainingStatus;

@Schema(name = "Match", description = "A mise en relation: an adviser proposed for a post")
public record MatchView(
        UUID id,
        UUID postId,
        String siret,
        String structureName,
        String postCommuneCode,
        UUID conseillerId,
        Adviser conseiller,
        MatchState state,
        Proximity proximity,
        @Schema(description = "The contract proposed or signed, if any") ContractView contract,
        @Schema(description = "Every transition, oldest first (single-match view only)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Step> history,
        Instant createdAt,
        Instant updatedAt,
        long version) {

    /** The adviser's contact details: a structure needs them once it has a match. */
    @Schema(name = "MatchAdviser")
    public record Adviser(String firstName, String lastName, String email, String phone, String communeCode,
            TrainingStatus trainingStatus) {
    }

    @Schema(name = "MatchStep")
    public record Step(MatchState from, MatchState to, String command, String actor, String detail, Instant at) {

        static Step of(MatchTransition transition) {
            return new Step(transition.fromState, transition.toState, transition.command, transition.actor,
                    transition.detail, transition.occurredAt);
        }
    }

    static MatchView of(MatchDetails details) {
        var match = details.match();
        var post = details.post();
        var c = details.conseiller();
        return new MatchView(match.id, match.postId, match.siret, post.structureName, post.communeCode,
                match.conseillerId,
                new Adviser(c.firstName, c.lastName, c.email, c.phone, c.communeCode, c.trainingStatus),
                match.state, match.proximity, details.contract() == null ? null : ContractView.of(details.contract()),
                details.history() == null ? null : details.history().stream().map(Step::of).toList(),
                match.createdAt, match.updatedAt, match.version);
    }
}
