package org.neuroatlas.core.stats;

import java.util.Arrays;

/**
 * Descriptive statistics of one group's values (in the unit of the value column).
 *
 * @param n      number of values
 * @param mean   arithmetic mean; NaN if n = 0
 * @param sd     sample standard deviation (n − 1 denominator); NaN if n &lt; 2
 * @param sem    standard error of the mean, sd / √n; NaN if n &lt; 2
 * @param median median (mean of the two middle values for even n); NaN if n = 0
 */
public record Summary(int n, double mean, double sd, double sem, double median) {

    /** The summary of {@code values} (not modified). */
    public static Summary of(double[] values) {
        int n = values.length;
        if (n == 0) {
            return new Summary(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mean = mean(values);
        double sd = n < 2 ? Double.NaN : Math.sqrt(variance(values, mean));
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        return new Summary(n, mean, sd, sd / Math.sqrt(n), median);
    }

    /** Arithmetic mean. */
    static double mean(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s / v.length;
    }

    /** Sample variance around {@code mean} (n − 1 denominator); two-pass, so large counts lose no precision. */
    static double variance(double[] v, double mean) {
        double s = 0;
        for (double x : v) {
            s += (x - mean) * (x - mean);
        }
        return s / (v.length - 1);
    }

    /** Sample variance (n − 1 denominator). */
    static double variance(double[] v) {
        return variance(v, mean(v));
    }
}
