package fr.cnfs.plumbing.observability;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.jboss.logging.MDC;

/**
 * The id that follows one business operation from the HTTP request to the events it causes and to the consumers
 * that apply them: {@code X-Correlation-Id} on HTTP, the CloudEvents extension {@code ce_correlationid} on Kafka,
 * {@code correlationId} in every log line (MDC).
 */
public final class CorrelationId {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String EVENT_HEADER = "ce_correlationid";
    public static final String MDC_KEY = "correlationId";

    private static final Pattern ACCEPTED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private CorrelationId() {
    }

    /** The caller's id if it is well formed, else a new one: a client cannot inject anything into our logs. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTED.matcher(candidate).matches() ? candidate : UUID.randomUUID().toString();
    }

    public static Optional<String> current() {
        Object value = MDC.get(MDC_KEY);
        return value == null ? Optional.empty() : Optional.of(value.toString());
    }

    public static void set(String correlationId) {
        MDC.put(MDC_KEY, correlationId);
    }

    public static void clear() {
        MDC.remove(MDC_KEY);
    }
}
