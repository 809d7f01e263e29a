package fr.cnfs.funding.domain.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class OccupationCalendarTest {

    @Test
    void tenMonthsOfTwentyFourCountThreeHundredOfSevenHundredTwentyDays() {
        // The Lyon example: a contract from 1 September 2021 whose last day is 30 June 2022.
        assertEquals(300, OccupationCalendar.daysBetween(LocalDate.of(2021, 9, 1), LocalDate.of(2022, 7, 1)));
        assertEquals(720, OccupationCalendar.daysOfMonths(24));
        assertEquals(720, OccupationCalendar.daysBetween(LocalDate.of(2021, 9, 1), LocalDate.of(2023, 9, 1)));
    }

    @Test
    void everyWholeMonthCountsThirtyDaysWhateverItsLength() {
        assertEquals(30, OccupationCalendar.daysBetween(LocalDate.of(2022, 2, 1), LocalDate.of(2022, 3, 1)));
        assertEquals(30, OccupationCalendar.daysBetween(LocalDate.of(2022, 1, 1), LocalDate.of(2022, 2, 1)));
        assertEquals(30, OccupationCalendar.daysBetween(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 3, 1)));
        // From the 30th to the 31st adds nothing; the end of February makes up the month: 3 days, 2 in a leap year.
        assertEquals(0, OccupationCalendar.daysBetween(LocalDate.of(2022, 1, 30), LocalDate.of(2022, 1, 31)));
        assertEquals(1, OccupationCalendar.daysBetween(LocalDate.of(2022, 1, 31), LocalDate.of(2022, 2, 1)));
        assertEquals(3, OccupationCalendar.daysBetween(LocalDate.of(2022, 2, 28), LocalDate.of(2022, 3, 1)));
        assertEquals(2, OccupationCalendar.daysBetween(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 1)));
    }

    @Test
    void theDayAThresholdIsReached() {
        LocalDate start = LocalDate.of(2021, 9, 1);
        assertEquals(start, OccupationCalendar.dateReaching(start, 0));
        assertEquals(LocalDate.of(2022, 9, 1), OccupationCalendar.dateReaching(start, 360));
        assertEquals(LocalDate.of(2023, 9, 1), OccupationCalendar.dateReaching(start, 720));
        assertEquals(LocalDate.of(2021, 9, 16), OccupationCalendar.dateReaching(start, 15));
        // A month from the 1st is reached on the 1st of the next month, whatever the month's length.
        assertEquals(LocalDate.of(2021, 11, 1), OccupationCalendar.dateReaching(LocalDate.of(2021, 10, 1), 30));
        assertEquals(LocalDate.of(2022, 3, 1), OccupationCalendar.dateReaching(LocalDate.of(2022, 2, 1), 30));
    }

    @Property
    void countsAddUpAcrossSuccessiveContracts(@ForAll @IntRange(min = 0, max = 3000) int first,
            @ForAll @IntRange(min = 0, max = 1500) int second, @ForAll @IntRange(min = 0, max = 1500) int third) {
        LocalDate a = LocalDate.of(2021, 1, 1).plusDays(first);
        LocalDate b = a.plusDays(second);
        LocalDate c = b.plusDays(third);
        assertEquals(OccupationCalendar.daysBetween(a, c),
                OccupationCalendar.daysBetween(a, b) + OccupationCalendar.daysBetween(b, c));
        assertTrue(OccupationCalendar.daysBetween(a, b) >= 0);
    }

    @Property
    void dateReachingIsTheFirstDayTheCountReachesTheThreshold(@ForAll @IntRange(min = 0, max = 3000) int offset,
            @ForAll @IntRange(min = 1, max = 1200) int days) {
        LocalDate from = LocalDate.of(2021, 1, 1).plusDays(offset);
        LocalDate reached = OccupationCalendar.dateReaching(from, days);
        assertTrue(OccupationCalendar.daysBetween(from, reached) >= days);
        assertTrue(OccupationCalendar.daysBetween(from, reached.minusDays(1)) < days);
    }

    @Property
    void monthsFromTheFirstOfAMonthCountThirtyEach(@ForAll @IntRange(min = 0, max = 120) int startMonth,
            @ForAll @IntRange(min = 1, max = 48) int months) {
        LocalDate start = LocalDate.of(2021, 1, 1).plusMonths(startMonth);
        assertEquals(30 * months, OccupationCalendar.daysBetween(start, start.plusMonths(months)));
    }
}
