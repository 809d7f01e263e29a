package fr.cnfs.plumbing.observability;

import java.util.Arrays;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A business figure on /q/metrics read from the service's own database, so that every instance of a service reports
 * the same value. The query returns one row per value of {@code tagKey}: the tag value, then the number.
 * {@link DatabaseGauges} runs it every few seconds; services declare theirs as CDI beans ({@code @Produces}).
 */
public record DatabaseGauge(String name, String description, String baseUnit, String tagKey, String sql) {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

    public DatabaseGauge {
        Objects.requireNonNull(name);
        Objects.requireNonNull(tagKey);
        Objects.requireNonNull(sql);
    }

    /**
     * Counts the rows of {@code table} per value of {@code column}, with a zero for every state that has no row, so a
     * state that empties reads 0 instead of vanishing from the scrape.
     */
    public static DatabaseGauge countByState(String name, String description, String table, String column,
            Enum<?>... states) {
        return aggregateByState(name, description, null, table, column, "count(t." + identifier(column) + ")", states);
    }

    /** Sums an amount column per state (e.g. euros of tranches), zero for a state without rows. */
    public static DatabaseGauge sumByState(String name, String description, String baseUnit, String table,
            String column, String amountColumn, Enum<?>... states) {
        return aggregateByState(name, description, baseUnit, table, column,
                "coalesce(sum(t." + identifier(amountColumn) + "), 0)", states);
    }

    private static DatabaseGauge aggregateByState(String name, String description, String baseUnit, String table,
            String column, String aggregate, Enum<?>... states) {
        // The states come from an enum and the identifiers are checked: nothing from outside reaches this SQL.
        String values = Arrays.stream(states).map(state -> "('" + state.name() + "')").collect(Collectors.joining(", "));
        String sql = "SELECT k.state, " + aggregate + " FROM (VALUES " + values + ") AS k(state) LEFT JOIN "
                + identifier(table) + " t ON t." + identifier(column) + " = k.state GROUP BY k.state";
        return new DatabaseGauge(name, description, baseUnit, column, sql);
    }

    private static String identifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("Not an SQL identifier: " + name);
        }
        return name;
    }
}
