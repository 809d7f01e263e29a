package fr.cnfs.plumbing.query;

import java.util.Collection;
import java.util.stream.Collectors;

/**
 * HQL literals for fixed sets of values. Hibernate caches no query plan for a query with a list parameter
 * ({@code state in ?1} bound to a collection): it translates the query again at every call, which the benchmarks
 * (bench/, JFR) found to be most of the cost of some requests. A constant set written as literals keeps the query
 * text, and so its cached plan, the same.
 */
public final class HqlLiterals {

    private HqlLiterals() {
    }

    /** {@code (fully.qualified.Enum.A, fully.qualified.Enum.B)}, in the enum's order, for {@code x in ...}. */
    public static <E extends Enum<E>> String inList(Collection<E> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("an empty set of values matches nothing");
        }
        return values.stream().sorted()
                .map(value -> value.getDeclaringClass().getName().replace('$', '.') + "." + value.name())
                .collect(Collectors.joining(", ", "(", ")"));
    }
}
