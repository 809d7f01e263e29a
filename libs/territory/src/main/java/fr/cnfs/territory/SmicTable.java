package fr.cnfs.territory;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * The effective-dated gross SMIC since 2021-01-01, for mainland France and the DROM except Mayotte (which has its
 * own, lower SMIC, not in this table). Read once from {@code smic.csv}; immutable and thread-safe.
 */
public final class SmicTable {

    private final NavigableMap<LocalDate, SmicEntry> byDate;
    private final List<SmicEntry> entries;

    private static final class Holder {
        static final SmicTable INSTANCE = load(SmicTable.class.getResourceAsStream(TerritorialReferential.RESOURCE_DIR + "smic.csv"));
    }

    /** The table of the bundled {@code smic.csv}, loaded on first use. */
    public static SmicTable instance() {
        return Holder.INSTANCE;
    }

    private SmicTable(NavigableMap<LocalDate, SmicEntry> byDate) {
        this.byDate = byDate;
        this.entries = List.copyOf(byDate.values());
    }

    /** All entries, oldest first. */
    public List<SmicEntry> entries() {
        return entries;
    }

    /** The first date the table covers. */
    public LocalDate coveredFrom() {
        return byDate.firstKey();
    }

    /** The entry in force on that date; {@link IllegalArgumentException} before the table starts. */
    public SmicEntry entryAt(LocalDate date) {
        Objects.requireNonNull(date, "date");
        Map.Entry<LocalDate, SmicEntry> entry = byDate.floorEntry(date);
        if (entry == null) {
            throw new IllegalArgumentException("No SMIC known before " + coveredFrom() + ": " + date);
        }
        return entry.getValue();
    }

    /** Gross monthly SMIC for 35 h/week in force on that date, euros, scale 2. */
    public BigDecimal grossMonthlyAt(LocalDate date) {
        return entryAt(date).monthlyGross35h();
    }

    /** Gross hourly SMIC in force on that date, euros, scale 2. */
    public BigDecimal grossHourlyAt(LocalDate date) {
        return entryAt(date).hourlyGross();
    }

    /**
     * The official monthly figure for an hourly rate: hourly × 35 × 52 / 12, rounded half-up to the cent. The month
     * has 151.666… hours, shown as 151.67 on payslips; multiplying by 151.67 would be off by up to a few cents.
     */
    public static BigDecimal monthlyFor35Hours(BigDecimal hourlyGross) {
        return hourlyGross.multiply(BigDecimal.valueOf(35 * 52)).divide(BigDecimal.valueOf(12), 2, RoundingMode.HALF_UP);
    }

    /** Parses a table in the {@code smic.csv} format (package-private so that tests can feed broken data). */
    static SmicTable load(InputStream in) {
        if (in == null) {
            throw new IllegalStateException("Missing resource " + TerritorialReferential.RESOURCE_DIR + "smic.csv");
        }
        NavigableMap<LocalDate, SmicEntry> byDate = new TreeMap<>();
        List<LocalDate> order = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int lineNumber = 0;
            boolean headerSeen = false;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (!headerSeen) {
                    headerSeen = true;
                    if (!line.startsWith("effectiveFrom;hourlyGross;monthlyGross35h")) {
                        throw new IllegalStateException("smic.csv: unexpected header " + line);
                    }
                    continue;
                }
                SmicEntry entry = parse(line, lineNumber);
                if (!order.isEmpty() && !entry.effectiveFrom().isAfter(order.get(order.size() - 1))) {
                    throw new IllegalStateException("smic.csv line " + lineNumber + ": dates must be strictly increasing");
                }
                order.add(entry.effectiveFrom());
                byDate.put(entry.effectiveFrom(), entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read smic.csv", e);
        }
        if (byDate.isEmpty()) {
            throw new IllegalStateException("smic.csv holds no entry");
        }
        return new SmicTable(byDate);
    }

    private static SmicEntry parse(String line, int lineNumber) {
        String[] fields = line.split(";", 4);
        if (fields.length != 4) {
            throw new IllegalStateException("smic.csv line " + lineNumber + ": expected 4 fields separated by ';'");
        }
        try {
            BigDecimal hourly = euros(fields[1], lineNumber);
            BigDecimal monthly = euros(fields[2], lineNumber);
            return new SmicEntry(LocalDate.parse(fields[0].strip()), hourly, monthly, fields[3].strip());
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalStateException("smic.csv line " + lineNumber + ": " + e.getMessage(), e);
        }
    }

    // Amounts must be written with exactly two decimals: a typo like "1554.5" should not load silently.
    private static BigDecimal euros(String text, int lineNumber) {
        BigDecimal amount = new BigDecimal(text.strip());
        if (amount.scale() != 2 || amount.signum() <= 0) {
            throw new IllegalStateException("smic.csv line " + lineNumber + ": amount must be positive with 2 decimals: " + text);
        }
        return amount;
    }
}
