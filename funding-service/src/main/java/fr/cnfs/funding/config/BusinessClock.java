package fr.cnfs.funding.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The business clock: everything that depends on "today" (due dates, the daily evaluation, the replacement window,
 * award and payment timestamps) reads this {@link Clock}, never the system time directly, so that tests move time.
 */
public class BusinessClock {

    @Produces
    @Singleton
    Clock businessClock(FundingConfig config) {
        return Clock.system(ZoneId.of(config.timeZone()));
    }
}
