package fr.cnfs.placement.config;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one clock the domain reads "today" from; a test or another deployment can produce another. */
public class ProgrammeClock {

    @Produces
    @Singleton
    Clock clock(PlacementConfig config) {
        return Clock.system(config.zone());
    }
}
