package fr.cnfs.funding.domain;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What a step of a post funding changed, for the service to announce (events) and record (recoveries). */
public sealed interface FundingChange {

    /** A tranche became due, planned or adjustment. */
    record TrancheBecameDue(Tranche tranche) implements FundingChange {
    }

    /** A tranche was cancelled; {@code wasDue} when a TrancheDue had announced it. */
    record TrancheCancelled(Tranche tranche, boolean wasDue) implements FundingChange {
    }

    /** The funded period is fully occupied. */
    record Completed(LocalDate on) implements FundingChange {
    }

    /** The post funding closed early; a recovery is to be issued when {@code recovery} is positive. */
    record Closed(LocalDate on, String reason, FundingClosing.Settlement settlement, BigDecimal recovery)
            implements FundingChange {
    }
}
