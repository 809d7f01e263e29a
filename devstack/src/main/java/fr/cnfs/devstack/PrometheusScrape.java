package fr.cnfs.devstack;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads one sample out of a Prometheus text exposition (what /q/metrics answers), for tests. */
public final class PrometheusScrape {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusScrape() {
    }

    /**
     * The value of {@code metric} whose labels include the given {@code name, value} pairs, if the exposition has it.
     */
    public static OptionalDouble value(String exposition, String metric, String... labelPairs) {
        if (labelPairs.length % 2 != 0) {
            throw new IllegalArgumentException("Labels go in name, value pairs: " + Arrays.toString(labelPairs));
        }
        Matcher sample = SAMPLE.matcher(exposition);
        while (sample.find()) {
            if (!sample.group(1).equals(metric)) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (sample.group(3) != null) {
                Matcher label = LABEL.matcher(sample.group(3));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            boolean matches = true;
            for (int i = 0; i < labelPairs.length; i += 2) {
                matches &= labelPairs[i + 1].equals(labels.get(labelPairs[i]));
            }
            if (matches) {
                return OptionalDouble.of(Double.parseDouble(sample.group(4)));
            }
        }
        return OptionalDouble.empty();
    }
}
