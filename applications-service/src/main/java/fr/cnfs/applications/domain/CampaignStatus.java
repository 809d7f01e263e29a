package fr.cnfs.applications.domain;

import java.time.LocalDate;

/** Where a campaign stands on a given day; derived from its dates, never stored. */
public enum CampaignStatus {
    UPCOMING,
    OPEN,
    CLOSED;

    /** Open from {@code opensOn} to {@code closesOn}, both days included. */
    public static CampaignStatus on(LocalDate day, LocalDate opensOn, LocalDate closesOn) {
        if (day.isBefore(opensOn)) {
            return UPCOMING;
        }
        return day.isAfter(closesOn) ? CLOSED : OPEN;
    }
}
