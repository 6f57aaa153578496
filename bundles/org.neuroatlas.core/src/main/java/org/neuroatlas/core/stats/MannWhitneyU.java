package org.neuroatlas.core.stats;

import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Two-sided Mann–Whitney U (Wilcoxon rank-sum) test of treated against control.
 * <p>
 * U is the treated group's statistic: the number of (treated, control) pairs with the treated value higher, ties
 * counting ½ (SciPy's {@code mannwhitneyu(treated, control).statistic}). The p-value is <b>exact</b> when there are
 * no ties and n_t + n_c ≤ {@value InversionDistribution#MAX_EXACT_N}: p = min(1, 2·P(U′ ≥ max(U, n_t·n_c − U)))
 * under the permutation distribution (SciPy {@code method='exact'}). Otherwise it is the <b>normal approximation</b>
 * with tie correction and continuity correction (SciPy {@code method='asymptotic'}):
 * z = (max(U, n_t·n_c − U) − n_t·n_c/2 − ½) / σ, σ² = n_t·n_c/12·((N + 1) − Σ(t³ − t)/(N(N − 1))), p = min(1, 2·(1 − Φ(z))).
 * <p>
 * Commons Math's {@code MannWhitneyUTest} is not used even for the approximation: it has neither the tie correction
 * of the variance nor the continuity correction, so its p-values differ from SciPy's and R's on count data.
 *
 * @param u     U of the treated group
 * @param p     two-sided p-value; NaN if a group is empty or all values are equal
 * @param exact whether p is exact
 */
public record MannWhitneyU(double u, double p, boolean exact) {

    public static MannWhitneyU of(double[] treated, double[] control) {
        int n1 = treated.length;
        int n2 = control.length;
        if (n1 == 0 || n2 == 0) {
            return new MannWhitneyU(Double.NaN, Double.NaN, false);
        }
        Ranks r = Ranks.of(Ranks.pool(treated, control));
        double rankSum = 0;
        for (int i = 0; i < n1; i++) {
            rankSum += r.ranks[i];
        }
        double u1 = rankSum - n1 * (n1 + 1) / 2.0;
        double big = Math.max(u1, (double) n1 * n2 - u1);
        int n = n1 + n2;
        if (!r.hasTies() && n <= InversionDistribution.MAX_EXACT_N) {
            double p = Math.min(1, 2 * InversionDistribution.of(n1, n2).upperTail(big));
            return new MannWhitneyU(u1, p, true);
        }
        double var = n1 * (double) n2 / 12.0 * ((n + 1) - r.tieTerm() / ((double) n * (n - 1)));
        if (!(var > 0)) {
            return new MannWhitneyU(u1, Double.NaN, false);
        }
        double z = (big - n1 * (double) n2 / 2 - 0.5) / Math.sqrt(var);
        double p = Math.min(1, 2 * new NormalDistribution(null, 0, 1).cumulativeProbability(-z));
        return new MannWhitneyU(u1, p, false);
    }
}
