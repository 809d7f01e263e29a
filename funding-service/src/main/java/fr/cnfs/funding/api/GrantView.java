package fr.cnfs.funding.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import fr.cnfs.funding.domain.Grant;
import fr.cnfs.funding.domain.PostContract;
import fr.cnfs.funding.domain.PostFunding;

@Schema(name = "Grant", description = "A subvention awarded to an approved application; amounts in euros")
public record GrantView(
        UUID id,
        UUID applicationId,
        UUID campaignId,
        String siret,
        String structureName,
        String category,
        String communeCode,
        String departementCode,
        String territoryZone,
        String territoryCode,
        boolean qpv,
        boolean zrr,
        String fundingPhase,
        String ruleSetVersion,
        String decisionNumber,
        int contractMonths,
        int fundedMonths,
        int postCount,
        BigDecimal amountPerPost,
        BigDecimal mainlandAmountPerPost,
        BigDecimal overseasRate,
        boolean priorityAreaBonus,
        BigDecimal totalAmount,
        @Schema(enumeration = { "AWARDED", "ACTIVE", "ENDED" }) String status,
        Instant awardedAt,
        long version,
        List<PostFundingView> posts) {

    @Schema(name = "PostFunding", description = "The funding of one post and the occupation that earns it")
    public record PostFundingView(
            UUID postId,
            BigDecimal amount,
            @Schema(enumeration = { "AWAITING_CONTRACT", "OCCUPIED", "VACANT", "COMPLETED", "CLOSED" }) String status,
            int fundedMonths,
            @Schema(description = "30 × fundedMonths") int fundedDays,
            @Schema(description = "Days occupied so far (30 per month), at most fundedDays") int occupiedDays,
            BigDecimal earnedToDate,
            LocalDate firstContractStart,
            LocalDate vacantSince,
            @Schema(description = "Last day a replacement contract may start") LocalDate replacementDeadline,
            LocalDate completedOn,
            LocalDate closedOn,
            String closingReason,
            List<TrancheView> tranches,
            @Schema(description = "Only on a single grant") List<ContractView> contracts) {
    }

    @Schema(name = "PostContract", description = "A contract on the post, as placement reported it")
    public record ContractView(UUID contractId, UUID conseillerId, String contractType, LocalDate startDate,
            LocalDate plannedEndDate, BigDecimal grossMonthlySalary, BigDecimal weeklyHours, boolean counted,
            LocalDate countedFrom, LocalDate endDate, String endReason, Integer occupiedDays) {

        static ContractView of(PostContract contract) {
            return new ContractView(contract.contractId, contract.conseillerId, contract.contractType,
                    contract.startDate, contract.plannedEndDate, contract.grossMonthlySalary, contract.weeklyHours,
                    contract.counted, contract.countedFrom, contract.endDate, contract.endReason, contract.occupiedDays);
        }
    }

    static GrantView of(Grant grant, LocalDate today) {
        return of(grant, today, null);
    }

    static GrantView of(Grant grant, LocalDate today, Map<UUID, List<PostContract>> contracts) {
        return new GrantView(grant.id, grant.applicationId, grant.campaignId, grant.siret, grant.structureName,
                grant.category, grant.communeCode, grant.departementCode, grant.territoryZone, grant.territoryCode,
                grant.qpv, grant.zrr, grant.fundingPhase, grant.ruleSetVersion, grant.decisionNumber,
                grant.contractMonths, grant.fundedMonths, grant.postCount, grant.amountPerPost,
                grant.mainlandAmountPerPost, grant.overseasRate, grant.priorityAreaBonus, grant.totalAmount,
                grant.status.name(), grant.awardedAt, grant.version,
                grant.posts.stream().map(post -> post(post, today, contracts)).toList());
    }

    private static PostFundingView post(PostFunding post, LocalDate today, Map<UUID, List<PostContract>> contracts) {
        return new PostFundingView(post.postId, post.amount, post.status.name(), post.fundedMonths, post.fundedDays,
                post.occupiedDaysAsOf(today), post.earnedAsOf(today), post.firstContractStart, post.vacantSince,
                post.replacementDeadline, post.completedOn, post.closedOn, post.closingReason,
                post.tranches.stream().map(TrancheView::of).toList(),
                contracts == null ? null : contracts.getOrDefault(post.postId, List.of()).stream().map(ContractView::of).toList());
    }
}
