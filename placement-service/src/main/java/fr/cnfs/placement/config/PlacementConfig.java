package fr.cnfs.placement.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "cnfs.placement")
public interface PlacementConfig {

    /** Dates (today, deadlines, contract ends) are calendar dates in this zone, where the programme is run. */
    @WithDefault("Europe/Paris")
    ZoneId zone();

    /** Months a structure has to recruit when the approval does not say. */
    @WithDefault("3")
    int defaultRecruitmentDeadlineMonths();

    NaturalEnd naturalEnd();

    interface NaturalEnd {

        /** When the daily job ends contracts whose end date has passed (Quarkus cron, or "off"). */
        @WithDefault("0 15 0 * * ?")
        String cron();
    }
}
