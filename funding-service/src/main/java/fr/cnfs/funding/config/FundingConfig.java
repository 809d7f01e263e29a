package fr.cnfs.funding.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** funding-service settings; every key can be set by its environment variable (e.g. CNFS_FUNDING_TIME_ZONE). */
@ConfigMapping(prefix = "cnfs.funding")
public interface FundingConfig {

    /** The business calendar's time zone: "today" for due dates, evaluations and the replacement window. */
    @WithDefault("Europe/Paris")
    String timeZone();

    /** The rule set used when an approval or a simulation names no phase (DESIGN §5: phase 1, AMI 2021). */
    @WithDefault("PHASE_1")
    String defaultPhase();

    /** The rule set resources, on the classpath. */
    @WithDefault("funding-rules/phase-1.json,funding-rules/phase-2.json")
    List<String> ruleSets();

    /**
     * Overrides of the overseas increase, by INSEE territory code, applied to every rule set, e.g.
     * {@code cnfs.funding.overseas-increase."973"=0.45}. A rate of 0 removes the increase of a territory.
     */
    Map<String, BigDecimal> overseasIncrease();

    Evaluation evaluation();

    Parking parking();

    /** Placement events that arrived before their prerequisite wait in the parking; a poison one must not wait forever. */
    interface Parking {

        /**
         * How long an event may wait for its prerequisite (the grant of an unknown post, the start of an unknown
         * contract) before it goes to the dead-letter topic with the reason.
         */
        @WithDefault("PT30M")
        Duration maxWait();

        /**
         * How often the parking is swept: events whose prerequisite has arrived meanwhile are applied, those that
         * waited too long go to the dead-letter topic ("off" disables the sweep).
         */
        @WithDefault("60s")
        String sweepEvery();
    }

    interface Evaluation {

        /** When the daily evaluation runs, in the business time zone (Quartz cron; "off" disables it). */
        @WithDefault("0 30 2 * * ?")
        String cron();

        /** How many times one post's evaluation is retried when another transaction changed it meanwhile. */
        @WithDefault("3")
        int attemptsPerPost();
    }
}
