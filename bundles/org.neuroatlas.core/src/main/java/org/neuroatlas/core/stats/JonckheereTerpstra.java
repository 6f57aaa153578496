package org.neuroatlas.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Jonckheere–Terpstra test for an ordered alternative (here: groups in ascending dose), two-sided.
 * <p>
 * J = Σ_{i &lt; j} #{(a, b) : a in group i, b in group j, b &gt; a} + ½·#{b = a}. The p-value is <b>exact</b> when
 * there are no ties and N ≤ {@value InversionDistribution#MAX_EXACT_N} (the permutation distribution, see
 * {@link InversionDistribution}; p = min(1, 2·min(P(J′ ≥ J), P(J′ ≤ J)))). Otherwise the <b>normal
 * approximation</b> without continuity correction, with the tie-corrected variance (Lehmann 1975, Hollander &amp;
 * Wolfe):
 * <pre>
 *   E[J]   = (N² − Σ n_i²) / 4
 *   Var[J] = (N(N−1)(2N+5) − Σ n_i(n_i−1)(2n_i+5) − Σ t(t−1)(2t+5)) / 72
 *          + Σ n_i(n_i−1)(n_i−2) · Σ t(t−1)(t−2) / (36 N(N−1)(N−2))
 *          + Σ n_i(n_i−1) · Σ t(t−1) / (8 N(N−1))
 * </pre>
 * (t over groups of tied values), p = 2·(1 − Φ(|J − E| / √Var)).
 *
 * @param j     statistic
 * @param p     two-sided p; NaN if fewer than 2 non-empty groups or all values equal
 * @param exact whether p is exact
 */
public record JonckheereTerpstra(double j, double p, boolean exact) {

    /** @param ordered groups in the order of the alternative (ascending dose); empty groups are ignored */
    public static JonckheereTerpstra of(double[]... ordered) {
        double[][] g = KruskalWallis.nonEmpty(ordered);
        if (g.length < 2) {
            return new JonckheereTerpstra(Double.NaN, Double.NaN, false);
        }
        double j = 0;
        for (int a = 0; a < g.length; a++) {
            for (int b = a + 1; b < g.length; b++) {
                for (double x : g[a]) {
                    for (double y : g[b]) {
                        j += y > x ? 1 : y == x ? 0.5 : 0;
                    }
                }
            }
        }
        int[] sizes = new int[g.length];
        for (int i = 0; i < g.length; i++) {
            sizes[i] = g[i].length;
        }
        Ranks r = Ranks.of(Ranks.pool(g));
        double n = r.ranks.length;
        if (!r.hasTies() && n <= InversionDistribution.MAX_EXACT_N) {
            return new JonckheereTerpstra(j, InversionDistribution.of(sizes).twoSided(j), true);
        }
        double sumN2 = 0;
        double groupA = 0;
        double groupB = 0;
        double groupC = 0;
        for (int s : sizes) {
            sumN2 += (double) s * s;
            groupA += s * (s - 1.0) * (2.0 * s + 5);
            groupB += s * (s - 1.0) * (s - 2.0);
            groupC += s * (s - 1.0);
        }
        double tieA = 0;
        double tieB = 0;
        double tieC = 0;
        for (int t : r.tieSizes) {
            tieA += t * (t - 1.0) * (2.0 * t + 5);
            tieB += t * (t - 1.0) * (t - 2.0);
            tieC += t * (t - 1.0);
        }
        double mean = (n * n - sumN2) / 4;
        double var = (n * (n - 1) * (2 * n + 5) - groupA - tieA) / 72
                + groupB * tieB / (36 * n * (n - 1) * (n - 2))
                + groupC * tieC / (8 * n * (n - 1));
        if (!(var > 0)) {
            return new JonckheereTerpstra(j, Double.NaN, false);
        }
        double z = Math.abs(j - mean) / Math.sqrt(var);
        double p = Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z));
        return new JonckheereTerpstra(j, p, false);
    }
}
