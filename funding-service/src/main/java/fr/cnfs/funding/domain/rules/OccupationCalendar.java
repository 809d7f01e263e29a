package fr.cnfs.funding.domain.rules;

import java.time.LocalDate;

/**
 * How funding counts time: every month counts 30 days (the "30E/360" convention, the {@code règle du trentième} of
 * French payroll, the European 30/360 of bankers). A date's day number is
 * {@code 360 × year + 30 × (month − 1) + min(dayOfMonth, 30)}; the days from {@code a} (included) to {@code b}
 * (excluded) are the difference of their numbers. So a funded period of N months is
 * exactly {@code 30 × N} days, and an occupation from the 1st of a month to the last day of the 10th month counts 300
 * days whatever the calendar: ten months of occupation out of 24 earn exactly 10/24 of the amount. The count is
 * additive (occupations of successive contracts add up) and never decreases as dates advance. Every whole month
 * counts 30 days: in a 31-day month, the step from the 30th to the 31st adds nothing; in February, the step from its
 * last day to 1 March adds 3 days (2 in a leap year). Thresholds fall on anniversaries: 12 months of occupation from
 * 1 September 2021 are reached on 1 September 2022.
 */
public final class OccupationCalendar {

    public static final int DAYS_PER_MONTH = 30;

    private OccupationCalendar() {
    }

    public static int daysOfMonths(int months) {
        return months * DAYS_PER_MONTH;
    }

    public static long dayNumber(LocalDate date) {
        return 360L * date.getYear() + 30L * (date.getMonthValue() - 1) + Math.min(date.getDayOfMonth(), 30);
    }

    /** Days from {@code from} (included) to {@code toExclusive} (excluded); zero when {@code toExclusive ≤ from}. */
    public static int daysBetween(LocalDate from, LocalDate toExclusive) {
        if (!toExclusive.isAfter(from)) {
            return 0;
        }
        return Math.toIntExact(dayNumber(toExclusive) - dayNumber(from));
    }

    /**
     * The first date {@code d} such that the days from {@code from} to {@code d} reach {@code days}: the day a
     * threshold of occupation is reached by an occupation that started on {@code from}.
     */
    public static LocalDate dateReaching(LocalDate from, int days) {
        if (days <= 0) {
            return from;
        }
        long target = dayNumber(from) + days;
        long low = from.toEpochDay();
        long high = from.toEpochDay() + 2L * days + 62;
        while (low < high) {
            long middle = (low + high) >>> 1;
            if (dayNumber(LocalDate.ofEpochDay(middle)) >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return LocalDate.ofEpochDay(low);
    }
}
