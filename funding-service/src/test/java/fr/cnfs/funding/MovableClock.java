package fr.cnfs.funding;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

/**
 * The business clock of the tests: it replaces the system clock of {@code BusinessClock}, and a test moves it to the
 * day it needs. It starts at the real time.
 */
@Singleton
@Alternative
@Priority(1)
public class MovableClock extends Clock {

    private static final ZoneId ZONE = ZoneId.of("Europe/Paris");

    private volatile Instant now = Instant.now();

    /** Moves to 10:00 on that day, Paris time. */
    public void setToday(LocalDate day) {
        now = day.atTime(LocalTime.of(10, 0)).atZone(ZONE).toInstant();
    }

    public LocalDate today() {
        return LocalDate.ofInstant(now, ZONE);
    }

    @Override
    public ZoneId getZone() {
        return ZONE;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.fixed(now, zone);
    }

    @Override
    public Instant instant() {
        return now;
    }
}
