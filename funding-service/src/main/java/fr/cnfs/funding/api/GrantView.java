package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.Grant;

@Schema(name = "Grant", description = "A subvention awarded to an approved application; amounts in euros")
public record GrantView(
        UUID id,
        UUID applicationId,
        UUID campaignId,
        String siret,
        String structureName,
        String category,
        String departementCode,
        String territoryZone,
        String territoryCode,
        String fundingPhase,
        int contractMonths,
        int postCount,
        BigDecimal amountPerPost,
        BigDecimal totalAmount,
        Instant awardedAt,
        List<PostFundingView> posts) {

    @Schema(name = "PostFunding")
    public record PostFundingView(UUID postId, BigDecimal amount) {
    }

    static GrantView of(Grant grant) {
        return new GrantView(grant.id, grant.applicationId, grant.campaignId, grant.siret, grant.structureName,
                grant.category, grant.departementCode, grant.territoryZone, grant.territoryCode, grant.fundingPhase,
                grant.contractMonths, grant.postCount, grant.amountPerPost, grant.totalAmount, grant.awardedAt,
                grant.posts.stream().map(post -> new PostFundingView(post.postId, post.amount)).toList());
    }
}
