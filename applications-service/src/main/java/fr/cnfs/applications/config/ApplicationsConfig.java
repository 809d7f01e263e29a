package fr.cnfs.applications.config;

import java.time.ZoneId;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of applications-service ({@code cnfs.applications.*}, each overridable by its environment variable). */
@ConfigMapping(prefix = "cnfs.applications")
public interface ApplicationsConfig {

    /** The calendar campaigns open and close in: a campaign closing on the 30th is open all that French day. */
    @WithDefault("Europe/Paris")
    ZoneId timeZone();

    /** Recruitment deadline of a campaign, in months after the decision, when its creator gives none. */
    @WithDefault("3")
    @Min(1)
    @Max(36)
    int defaultRecruitmentDeadlineMonths();

    /**
     * The contract durations an application may ask for, per funding phase (the key, e.g. {@code PHASE_1}) and
     * structure category. These MIRROR funding-service's rule sets (DESIGN §5): funding owns the rules, but an
     * application must be checked when it is written, without a synchronous call. A phase must be listed here before
     * a campaign can use it; change both services together.
     */
    Map<String, PhaseContractMonths> contractMonths();

    /** Where reconciliation reads the other services' figures of a campaign. */
    Reconciliation reconciliation();

    interface Reconciliation {

        @WithDefault("http://localhost:8083")
        java.net.URI placementUrl();

        @WithDefault("http://localhost:8082")
        java.net.URI fundingUrl();
    }

    interface PhaseContractMonths {

        @WithName("public")
        MonthRange publicStructures();

        @WithName("private")
        MonthRange privateStructures();
    }

    interface MonthRange {

        @Min(1)
        @Max(120)
        int min();

        @Min(1)
        @Max(120)
        int max();
    }
}
