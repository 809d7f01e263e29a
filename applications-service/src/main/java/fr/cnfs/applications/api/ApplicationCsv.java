package fr.cnfs.applications.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import fr.cnfs.applications.domain.ApplicationExportRow;

/**
 * Writes the export as a French spreadsheet opens it without an import wizard: UTF-8 with a byte order mark, ';' as
 * separator, decimal comma, CRLF line ends, RFC 4180 quoting. Text typed by users cannot start a formula.
 */
final class ApplicationCsv {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";

    static final String[] COLUMNS = { "id", "siret", "structureName", "structureType", "category", "communeCode",
            "departementCode", "regionCode", "territoryZone", "campaign", "status", "postsRequested", "contractMonths",
            "desiredStartDate", "franceServicesLabel", "createdAt", "submittedAt", "postsGranted", "decisionNumber",
            "priority", "rejectionReason", "decidedAt", "prefectOpinion", "grantedAmount", "paidAmount" };

    private static final char SEPARATOR = ';';
    private static final String LINE_END = "\r\n";
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private final Writer out;
    private final DateTimeFormatter timestamps;

    ApplicationCsv(OutputStream output, ZoneId zone) {
        this.out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 16_384);
        this.timestamps = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(zone);
    }

    void header() {
        try {
            out.write(BYTE_ORDER_MARK);
            for (int i = 0; i < COLUMNS.length; i++) {
                if (i > 0) {
                    out.write(SEPARATOR);
                }
                out.write(COLUMNS[i]);
            }
            out.write(LINE_END);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void row(ApplicationExportRow row) {
        try {
            write(row.id(), false);
            write(row.siret(), false);
            write(row.structureName(), true);
            write(row.structureType(), false);
            write(row.category(), false);
            write(row.communeCode(), false);
            write(row.departementCode(), false);
            write(row.regionCode(), false);
            write(row.territoryZone(), false);
            write(row.campaignName(), true);
            write(row.status(), false);
            write(row.postsRequested(), false);
            write(row.contractMonths(), false);
            write(row.desiredStartDate(), false);
            write(row.franceServicesLabel(), false);
            write(timestamp(row.createdAt()), false);
            write(timestamp(row.submittedAt()), false);
            write(row.postsGranted(), false);
            write(row.decisionNumber(), true);
            write(row.priority(), false);
            write(row.rejectionReason(), false);
            write(timestamp(row.decidedAt()), false);
            write(row.prefectOpinion(), false);
            write(decimal(row.grantedAmount()), false);
            writeLast(decimal(row.paidAmount()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void flush() {
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void write(Object value, boolean userText) throws IOException {
        out.write(field(value, userText));
        out.write(SEPARATOR);
    }

    private void writeLast(Object value) throws IOException {
        out.write(field(value, false));
        out.write(LINE_END);
    }

    private String timestamp(Instant instant) {
        return instant == null ? null : timestamps.format(instant);
    }

    /** 1234.50 becomes "1234,50": the decimal separator of a French spreadsheet. */
    private static String decimal(BigDecimal amount) {
        return amount == null ? null : amount.toPlainString().replace('.', ',');
    }

    static String field(Object value, boolean userText) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (userText && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            // A cell starting with one of these is a formula to a spreadsheet (CSV injection).
            text = "'" + text;
        }
        boolean quote = text.indexOf(SEPARATOR) >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0
                || text.indexOf('\r') >= 0;
        return quote ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}
