package fr.cnfs.applications.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/**
 * Parses query parameters taken as text, so that a wrong value is a 400 naming the parameter (JAX-RS would answer a
 * failed conversion of a query parameter with a 404).
 */
final class QueryValues {

    private QueryValues() {
    }

    static <E extends Enum<E>> E enumValue(Class<E> type, String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(parameter, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    /** Repeated ({@code status=A&status=B}) or comma-separated ({@code status=A,B}) values. */
    static <E extends Enum<E>> List<E> enumValues(Class<E> type, String parameter, List<String> values) {
        List<E> parsed = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    E one = enumValue(type, parameter, part);
                    if (one != null) {
                        parsed.add(one);
                    }
                }
            }
        }
        return parsed;
    }

    static UUID uuid(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(parameter, "must be a UUID");
        }
    }

    static LocalDate date(String parameter, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(parameter, "must be a date, e.g. 2021-03-31");
        }
    }
}
