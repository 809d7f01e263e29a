package fr.cnfs.placement.api;

import java.time.LocalDate;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        PostState state) {

    static PostView of(Post post) {
        return new PostView(post.id, post.applicationId, post.campaignId, post.siret, post.structureName,
                post.communeCode, post.departementCode, post.regionCode, post.territoryZone, post.contractMonths,
                post.recruitmentDeadline, post.state);
    }
}
