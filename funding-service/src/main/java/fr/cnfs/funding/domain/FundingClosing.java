package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Closing a post funding before its funded period is fully occupied (DESIGN §5), as a pure computation:
 * <ol>
 * <li>{@code earned = round(amountPerPost × occupiedDays / fundedDays)}, half-even to the cent, occupied days capped
 * at the funded days;</li>
 * <li>PLANNED tranches are cancelled;</li>
 * <li>if {@code paid + due ≤ earned}, the DUE tranches stay due and the difference, if any, becomes a final adjustment
 * tranche;</li>
 * <li>otherwise the DUE tranches are cancelled too (paying them would pay more than was earned); then
 * {@code paid > earned} gives a recovery of {@code paid − earned}, and {@code paid < earned} an adjustment of
 * {@code earned − paid}.</li>
 * </ol>
 * Afterwards {@code paid + stillDue + adjustment − recovery = earned}, to the cent.
 */
public final class FundingClosing {

    private FundingClosing() {
    }

    public record TrancheState(UUID id, TrancheStatus status, BigDecimal amount) {
    }

    /**
     * @param cancelled  ids of the tranches to cancel
     * @param adjustment the amount of a final adjustment tranche, zero for none
     * @param recovery   the amount to recover, zero for none
     */
    public record Settlement(BigDecimal earned, BigDecimal paid, BigDecimal dueKept, List<UUID> cancelled,
            BigDecimal adjustment, BigDecimal recovery) {
    }

    public static BigDecimal earned(BigDecimal amountPerPost, int occupiedDays, int fundedDays) {
        if (fundedDays <= 0) {
            throw new IllegalArgumentException("fundedDays must be positive");
        }
        int counted = Math.max(0, Math.min(occupiedDays, fundedDays));
        return amountPerPost.multiply(BigDecimal.valueOf(counted))
                .divide(BigDecimal.valueOf(fundedDays), Money.SCALE, Money.ROUNDING);
    }

    public static Settlement settle(BigDecimal amountPerPost, int occupiedDays, int fundedDays,
            List<TrancheState> tranches) {
        BigDecimal earned = earned(amountPerPost, occupiedDays, fundedDays);
        BigDecimal paid = Money.sum(tranches.stream().filter(t -> t.status() == TrancheStatus.PAID).map(TrancheState::amount));
        BigDecimal due = Money.sum(tranches.stream().filter(t -> t.status() == TrancheStatus.DUE).map(TrancheState::amount));
        List<UUID> cancelled = new ArrayList<>();
        tranches.stream().filter(t -> t.status() == TrancheStatus.PLANNED).forEach(t -> cancelled.add(t.id()));

        if (paid.add(due).compareTo(earned) <= 0) {
            return new Settlement(earned, paid, due, cancelled, earned.subtract(paid).subtract(due), Money.ZERO);
        }
        tranches.stream().filter(t -> t.status() == TrancheStatus.DUE).forEach(t -> cancelled.add(t.id()));
        if (paid.compareTo(earned) > 0) {
            return new Settlement(earned, paid, Money.ZERO, cancelled, Money.ZERO, paid.subtract(earned));
        }
        return new Settlement(earned, paid, Money.ZERO, cancelled, earned.subtract(paid), Money.ZERO);
    }
}
