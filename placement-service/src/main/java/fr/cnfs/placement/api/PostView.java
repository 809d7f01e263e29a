package fr.cnfs.placement.api;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import fr.cnfs.placement.domain.Contract;
import fr.cnfs.placement.domain.Post;
import fr.cnfs.placement.domain.PostState;

@Schema(name = "Post", description = "A funded position at a structure")
public record PostView(
        UUID id,
        UUID applicationId,
        UUID campaignId,
        String siret,
        String structureName,
        String communeCode,
        String departementCode,
        String regionCode,
        String territoryZone,
        int contractMonths,
        LocalDate recruitmentDeadline,
        @Schema(description = "VACANT past its recruitment deadline") boolean overdue,
        PostState state,
        LocalDate returnedOn,
        @Schema(description = "The post's contracts, oldest first (single-post view only)")
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ContractView> contracts,
        long version) {

    static PostView of(Post post, LocalDate today) {
        return of(post, today, null);
    }

    static PostView of(Post post, LocalDate today, List<Contract> contracts) {
        return new PostView(post.id, post.applicationId, post.campaignId, post.siret, post.structureName,
                post.communeCode, post.departementCode, post.regionCode, post.territoryZone, post.contractMonths,
                post.recruitmentDeadline, post.isOverdue(today), post.state, post.returnedOn,
                contracts == null ? null : contracts.stream().map(ContractView::of).toList(), post.version);
    }
}
