package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Where the money of a grant stands on a date, per post and in total. For every post:
 * <ul>
 * <li>{@code paid + due + planned + cancelled = awarded + adjustment} (every planned euro is in exactly one state,
 * and a closing adjustment adds its own);</li>
 * <li>{@code earned ≤ awarded};</li>
 * <li>once closed: {@code planned = 0} and {@code paid + due − recovered = earned}.</li>
 * </ul>
 * The totals are the sums of the posts.
 */
public record GrantStatement(UUID grantId, LocalDate asOf, List<PostLine> posts, Amounts total) {

    /**
     * @param adjustment the closing adjustment tranche, whatever its state
     * @param recovered  the recovery issued at closing
     * @param settled    what has been received back against it
     */
    public record Amounts(BigDecimal awarded, BigDecimal earned, BigDecimal planned, BigDecimal due, BigDecimal paid,
            BigDecimal cancelled, BigDecimal adjustment, BigDecimal recovered, BigDecimal settled) {

        static final Amounts ZERO = new Amounts(Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO,
                Money.ZERO, Money.ZERO, Money.ZERO);

        Amounts plus(Amounts other) {
            return new Amounts(awarded.add(other.awarded), earned.add(other.earned), planned.add(other.planned),
                    due.add(other.due), paid.add(other.paid), cancelled.add(other.cancelled),
                    adjustment.add(other.adjustment), recovered.add(other.recovered), settled.add(other.settled));
        }
    }

    public record PostLine(UUID postId, PostFundingStatus status, int occupiedDays, int fundedDays, Amounts amounts) {
    }

    public static GrantStatement of(Grant grant, LocalDate asOf) {
        List<PostLine> lines = grant.posts.stream().map(post -> line(post, asOf)).toList();
        Amounts total = lines.stream().map(PostLine::amounts).reduce(Amounts.ZERO, Amounts::plus);
        return new GrantStatement(grant.id, asOf, lines, total);
    }

    private static PostLine line(PostFunding post, LocalDate asOf) {
        Recovery recovery = Recovery.find("postId", post.postId).firstResult();
        Amounts amounts = new Amounts(post.amount, post.earnedAsOf(asOf), sum(post, TrancheStatus.PLANNED),
                sum(post, TrancheStatus.DUE), sum(post, TrancheStatus.PAID), sum(post, TrancheStatus.CANCELLED),
                Money.sum(post.tranches.stream().filter(Tranche::isAdjustment).map(t -> t.amount)),
                recovery == null ? Money.ZERO : recovery.amount, recovery == null ? Money.ZERO : recovery.settledAmount);
        return new PostLine(post.postId, post.status, post.occupiedDaysAsOf(asOf), post.fundedDays, amounts);
    }

    private static BigDecimal sum(PostFunding post, TrancheStatus status) {
        return Money.sum(post.tranches.stream().filter(t -> t.status == status).map(t -> t.amount));
    }
}
