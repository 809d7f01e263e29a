package fr.cnfs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** Median, min and max of one figure over several runs: how every figure of the results file is given. */
record Stats(double median, double min, double max, int runs) {

    static Stats of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no runs");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Stats(median, sorted.get(0), sorted.get(n - 1), n);
    }

    static <T> Stats of(List<T> runs, ToDoubleFunction<T> figure) {
        return of(runs.stream().map(run -> figure.applyAsDouble(run)).toList());
    }

    /** "median (min–max)" with the given number of decimals. */
    String format(int decimals) {
        String pattern = "%." + decimals + "f";
        if (runs == 1) {
            return String.format(pattern + " (1 run)", median);
        }
        return String.format(pattern + " (" + pattern + "–" + pattern + ")", median, min, max);
    }
}
