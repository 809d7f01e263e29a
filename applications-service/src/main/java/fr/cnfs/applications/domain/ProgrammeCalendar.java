package fr.cnfs.applications.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import fr.cnfs.applications.config.ApplicationsConfig;

/** Today and now as the programme counts them: French calendar days, timestamps to the microsecond as stored. */
@ApplicationScoped
public class ProgrammeCalendar {

    private final ZoneId zone;

    ProgrammeCalendar(ApplicationsConfig config) {
        this.zone = config.timeZone();
    }

    public LocalDate today() {
        return LocalDate.now(zone);
    }

    public Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public ZoneId zone() {
        return zone;
    }

    /** The first instant of a calendar day. */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
