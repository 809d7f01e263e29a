package fr.cnfs.funding.api;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

import fr.cnfs.plumbing.problem.InvalidRequestException;

/**
 * Query parameters read as text and converted here, so that a malformed value is a 400 problem naming the parameter
 * (JAX-RS would answer 404 for a query parameter it cannot convert).
 */
final class QueryParams {

    private QueryParams() {
    }

    static UUID uuid(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "must be a UUID");
        }
    }

    static LocalDate date(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(name, "must be an ISO date (YYYY-MM-DD)");
        }
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
        }
    }

    static String text(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
