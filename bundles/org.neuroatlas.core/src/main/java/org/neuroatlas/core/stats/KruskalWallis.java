package org.neuroatlas.core.stats;

import org.apache.commons.math3.special.Gamma;

/**
 * Kruskal–Wallis H test across k groups, tie-corrected, χ² approximation with k − 1 degrees of freedom (as SciPy's
 * {@code kruskal}): H = (12/(N(N+1))·Σ R_i²/n_i − 3(N+1)) / (1 − Σ(t³ − t)/(N³ − N)).
 *
 * @param h statistic
 * @param p p-value; NaN if fewer than 2 non-empty groups or all values equal
 */
public record KruskalWallis(double h, double p) {

    /** Empty groups are ignored. */
    public static KruskalWallis of(double[]... groups) {
        double[][] g = nonEmpty(groups);
        if (g.length < 2) {
            return new KruskalWallis(Double.NaN, Double.NaN);
        }
        double[] all = Ranks.pool(g);
        Ranks r = Ranks.of(all);
        double n = all.length;
        double sum = 0;
        int at = 0;
        for (double[] group : g) {
            double rs = 0;
            for (int i = 0; i < group.length; i++) {
                rs += r.ranks[at++];
            }
            sum += rs * rs / group.length;
        }
        double correction = 1 - r.tieTerm() / (n * n * n - n);
        if (!(correction > 0)) {
            return new KruskalWallis(Double.NaN, Double.NaN);
        }
        double h = (12 / (n * (n + 1)) * sum - 3 * (n + 1)) / correction;
        // The χ² upper tail as the regularised gamma Q directly: 1 − cdf would lose small p-values to cancellation.
        double p = Gamma.regularizedGammaQ((g.length - 1) / 2.0, Math.max(0, h) / 2);
        return new KruskalWallis(h, p);
    }

    static double[][] nonEmpty(double[][] groups) {
        return java.util.Arrays.stream(groups).filter(x -> x.length > 0).toArray(double[][]::new);
    }
}
