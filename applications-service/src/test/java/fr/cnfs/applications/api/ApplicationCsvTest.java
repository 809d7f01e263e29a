package fr.cnfs.applications.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import fr.cnfs.applications.domain.ApplicationExportRow;
import fr.cnfs.applications.domain.ApplicationStatus;
import fr.cnfs.applications.domain.PrefectOpinion;
import fr.cnfs.applications.domain.StructureCategory;
import fr.cnfs.applications.domain.StructureType;
import fr.cnfs.territory.TerritoryZone;

class ApplicationCsvTest {

    @Test
    void aFrenchSpreadsheetReadsItAsIs() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ApplicationCsv csv = new ApplicationCsv(bytes, ZoneId.of("Europe/Paris"));
        csv.header();
        UUID id = UUID.fromString("5f0c4a52-6b7e-4f51-9d3c-0a7c2e6e9b11");
        csv.row(new ApplicationExportRow(id, "21690123100011", "Mairie \"centre\"; Lyon", StructureType.COMMUNE,
                StructureCategory.PUBLIC, "69123", "69", "84", TerritoryZone.METRO, "=HYPERLINK(\"x\")",
                ApplicationStatus.APPROVED, 3, 24, LocalDate.of(2021, 5, 1), true,
                Instant.parse("2021-02-10T08:30:00Z"), Instant.parse("2021-07-12T09:00:00Z"), 2, "COSELEC 12", false,
                null, null, PrefectOpinion.FAVORABLE, new BigDecimal("100000.00"), new BigDecimal("0.00")));
        csv.flush();
        byte[] written = bytes.toByteArray();

        assertEquals((byte) 0xEF, written[0]);
        assertEquals((byte) 0xBB, written[1]);
        assertEquals((byte) 0xBF, written[2]);
        String[] lines = new String(written, 3, written.length - 3, StandardCharsets.UTF_8).split("\r\n", -1);
        assertEquals(3, lines.length, "header, one row, and the final line end");
        assertEquals(String.join(";", ApplicationCsv.COLUMNS), lines[0]);
        assertEquals(id + ";21690123100011;\"Mairie \"\"centre\"\"; Lyon\";COMMUNE;PUBLIC;69123;69;84;METRO;"
                + "\"'=HYPERLINK(\"\"x\"\")\";APPROVED;3;24;2021-05-01;true;2021-02-10 09:30:00;2021-07-12 11:00:00;2;"
                + "COSELEC 12;false;;;FAVORABLE;100000,00;0,00", lines[1]);
        assertEquals("", lines[2]);
    }

    @Test
    void userTextCannotStartAFormulaButNumbersKeepTheirSign() {
        assertEquals("'+33 4 72", ApplicationCsv.field("+33 4 72", true));
        assertEquals("'@SUM(A1)", ApplicationCsv.field("@SUM(A1)", true));
        assertEquals("-12", ApplicationCsv.field(-12, false));
        assertEquals("", ApplicationCsv.field(null, true));
        assertTrue(ApplicationCsv.field("ligne 1\nligne 2", true).startsWith("\""));
    }
}
