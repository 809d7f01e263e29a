package fr.cnfs.territory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmicTableTest {

    private final SmicTable table = SmicTable.instance();

    @Test
    void designExamples() {
        assertEquals(new BigDecimal("1554.58"), table.grossMonthlyAt(LocalDate.of(2021, 1, 1)));
        assertEquals(new BigDecimal("1766.92"), table.grossMonthlyAt(LocalDate.of(2024, 1, 1)));
        assertEquals(2, table.grossMonthlyAt(LocalDate.of(2024, 1, 1)).scale());
    }

    /** The day before and the day of every change. */
    @ParameterizedTest
    @CsvSource({
        "2021-01-01, 1554.58, 10.25",
        "2021-09-30, 1554.58, 10.25",
        "2021-10-01, 1589.47, 10.48",
        "2021-12-31, 1589.47, 10.48",
        "2022-01-01, 1603.12, 10.57",
        "2022-04-30, 1603.12, 10.57",
        "2022-05-01, 1645.58, 10.85",
        "2022-07-31, 1645.58, 10.85",
        "2022-08-01, 1678.95, 11.07",
        "2022-12-31, 1678.95, 11.07",
        "2023-01-01, 1709.28, 11.27",
        "2023-04-30, 1709.28, 11.27",
        "2023-05-01, 1747.20, 11.52",
        "2023-12-31, 1747.20, 11.52",
        "2024-01-01, 1766.92, 11.65",
        "2024-10-31, 1766.92, 11.65",
        "2024-11-01, 1801.80, 11.88",
        "2025-01-01, 1801.80, 11.88",
        "2025-12-31, 1801.80, 11.88",
        "2026-01-01, 1823.03, 12.02",
        "2030-06-15, 1823.03, 12.02",
    })
    void boundaries(LocalDate date, BigDecimal monthly, BigDecimal hourly) {
        assertEquals(monthly, table.grossMonthlyAt(date));
        assertEquals(hourly, table.grossHourlyAt(date));
        assertTrue(!table.entryAt(date).effectiveFrom().isAfter(date));
    }

    @Test
    void beforeTheTableIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> table.grossMonthlyAt(LocalDate.of(2020, 12, 31)));
        assertEquals("No SMIC known before 2021-01-01: 2020-12-31", e.getMessage());
        assertThrows(NullPointerException.class, () -> table.grossMonthlyAt(null));
        assertEquals(LocalDate.of(2021, 1, 1), table.coveredFrom());
    }

    @Test
    void entries() {
        List<SmicEntry> entries = table.entries();
        assertEquals(10, entries.size());
        assertEquals(LocalDate.of(2021, 1, 1), entries.get(0).effectiveFrom());
        assertEquals(LocalDate.of(2026, 1, 1), entries.get(entries.size() - 1).effectiveFrom());
        for (int i = 1; i < entries.size(); i++) {
            assertTrue(entries.get(i).effectiveFrom().isAfter(entries.get(i - 1).effectiveFrom()));
            assertTrue(entries.get(i).hourlyGross().compareTo(entries.get(i - 1).hourlyGross()) > 0, "the SMIC never went down");
        }
        entries.forEach(e -> assertTrue(!e.source().isBlank()));
        assertThrows(UnsupportedOperationException.class, () -> entries.clear());
    }

    /** Each monthly figure is hourly × 35 × 52 / 12, rounded half-up: the official rule. */
    @Test
    void monthlyFiguresFollowTheOfficialFormula() {
        for (SmicEntry e : table.entries()) {
            assertEquals(2, e.hourlyGross().scale());
            assertEquals(2, e.monthlyGross35h().scale());
            assertEquals(SmicTable.monthlyFor35Hours(e.hourlyGross()), e.monthlyGross35h(), e.effectiveFrom().toString());
        }
    }

    /** Rounding 151.67 h instead of 151.666… h would not give the official figures, e.g. 1554.62 for 1554.58. */
    @Test
    void multiplyingBy15167IsNotTheOfficialRule() {
        BigDecimal naive = new BigDecimal("10.25").multiply(new BigDecimal("151.67")).setScale(2, RoundingMode.HALF_UP);
        assertEquals(new BigDecimal("1554.62"), naive);
        assertNotEquals(table.grossMonthlyAt(LocalDate.of(2021, 1, 1)), naive);
    }

    @Test
    void malformedTablesAreRejected() {
        assertThrows(IllegalStateException.class, () -> load("effectiveFrom;hourlyGross;monthlyGross35h;source\n"));
        assertThrows(IllegalStateException.class, () -> load("date;hourly\n2021-01-01;10.25;1554.58;x\n"));
        assertThrows(IllegalStateException.class, () -> load(header() + "2021-01-01;10.25;1554.5;x\n"));
        assertThrows(IllegalStateException.class, () -> load(header() + "2021-13-01;10.25;1554.58;x\n"));
        assertThrows(IllegalStateException.class, () -> load(header() + "2021-01-01;10.25;1554.58\n"));
        assertThrows(IllegalStateException.class, () -> load(header() + "2022-01-01;10.57;1603.12;x\n2021-01-01;10.25;1554.58;x\n"));
        assertThrows(IllegalStateException.class, () -> SmicTable.load(null));
        SmicTable ok = load("# comment\n\n" + header() + "2021-01-01;10.25;1554.58;décret\n");
        assertEquals(new BigDecimal("1554.58"), ok.grossMonthlyAt(LocalDate.of(2099, 1, 1)));
    }

    private static String header() {
        return "effectiveFrom;hourlyGross;monthlyGross35h;source\n";
    }

    private static SmicTable load(String text) {
        return SmicTable.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }
}
