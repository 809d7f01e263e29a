package fr.cnfs.funding.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.funding.domain.FundingClosing.Settlement;
import fr.cnfs.funding.domain.FundingClosing.TrancheState;

class FundingClosingTest {

    private final UUID t1 = UUID.randomUUID();
    private final UUID t2 = UUID.randomUUID();
    private final UUID t3 = UUID.randomUUID();

    @Test
    void lyonTenMonthsOfTwentyFourWithT1PaidGivesEarned20833_33AndARecoveryOf4166_67() {
        Settlement settlement = FundingClosing.settle(euros("50000.00"), 300, 720, List.of(
                new TrancheState(t1, TrancheStatus.PAID, euros("25000.00")),
                new TrancheState(t2, TrancheStatus.PLANNED, euros("15000.00")),
                new TrancheState(t3, TrancheStatus.PLANNED, euros("10000.00"))));
        assertEquals(euros("20833.33"), settlement.earned());
        assertEquals(euros("4166.67"), settlement.recovery());
        assertEquals(List.of(t2, t3), settlement.cancelled());
        assertEquals(Money.ZERO, settlement.adjustment());
    }

    @Test
    void moreEarnedThanPaidAndDueGivesAnAdjustmentForTheDifference() {
        // 20 months of 24 with T1 paid and T2 due: earned 41,666.67 = 25,000 + 15,000 + 1,666.67.
        Settlement settlement = FundingClosing.settle(euros("50000.00"), 600, 720, List.of(
                new TrancheState(t1, TrancheStatus.PAID, euros("25000.00")),
                new TrancheState(t2, TrancheStatus.DUE, euros("15000.00")),
                new TrancheState(t3, TrancheStatus.PLANNED, euros("10000.00"))));
        assertEquals(euros("41666.67"), settlement.earned());
        assertEquals(euros("1666.67"), settlement.adjustment());
        assertEquals(euros("15000.00"), settlement.dueKept());
        assertEquals(List.of(t3), settlement.cancelled());
        assertEquals(Money.ZERO, settlement.recovery());
    }

    @Test
    void aDueTrancheThatWouldOverpayIsCancelledAndReplacedByWhatIsEarned() {
        // T1 due but unpaid, the post closes after 5 months: earned 10,416.67 < 25,000.
        Settlement settlement = FundingClosing.settle(euros("50000.00"), 150, 720, List.of(
                new TrancheState(t1, TrancheStatus.DUE, euros("25000.00")),
                new TrancheState(t2, TrancheStatus.PLANNED, euros("15000.00")),
                new TrancheState(t3, TrancheStatus.PLANNED, euros("10000.00"))));
        assertEquals(euros("10416.67"), settlement.earned());
        assertTrue(settlement.cancelled().containsAll(List.of(t1, t2, t3)));
        assertEquals(euros("10416.67"), settlement.adjustment());
        assertEquals(Money.ZERO, settlement.recovery());
    }

    @Test
    void earnedNeverExceedsTheAmountAndIsRoundedHalfEven() {
        assertEquals(euros("50000.00"), FundingClosing.earned(euros("50000.00"), 900, 720));
        assertEquals(Money.ZERO, FundingClosing.earned(euros("50000.00"), 0, 720));
        // 37,500 × 1 / 540 = 69.444… → 69.44
        assertEquals(euros("69.44"), FundingClosing.earned(euros("37500.00"), 1, 540));
        // 0.05 × 1 / 2 = 0.025 → 0.02 (half-even), not 0.03
        assertEquals(euros("0.02"), FundingClosing.earned(euros("0.05"), 1, 2));
    }

    private static BigDecimal euros(String amount) {
        return new BigDecimal(amount);
    }
}
