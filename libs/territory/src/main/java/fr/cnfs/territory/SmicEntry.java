package fr.cnfs.territory;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * One SMIC value, in force from {@code effectiveFrom} (inclusive) until the next entry.
 *
 * @param hourlyGross      gross hourly SMIC in euros, scale 2
 * @param monthlyGross35h  gross monthly SMIC for 35 hours a week (151.67 h a month), in euros, scale 2
 * @param source           the legal text that set it
 */
public record SmicEntry(LocalDate effectiveFrom, BigDecimal hourlyGross, BigDecimal monthlyGross35h, String source) {
    public SmicEntry {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        Objects.requireNonNull(hourlyGross, "hourlyGross");
        Objects.requireNonNull(monthlyGross35h, "monthlyGross35h");
        Objects.requireNonNull(source, "source");
    }
}
