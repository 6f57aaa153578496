package org.neuroatlas.core.stats;

/**
 * The exact null distribution of rank statistics that count ordered pairs between groups without ties: the
 * Mann–Whitney U of two groups and the Jonckheere–Terpstra J of k ordered groups. Under the null hypothesis every
 * arrangement of the pooled sample into groups of sizes n_1 … n_k is equally likely, and the statistic counts the
 * "inversions" of that arrangement, whose generating function is the q-multinomial coefficient
 * [N; n_1, …, n_k]_q = Π_j [n_1 + … + n_j choose n_j]_q (Gaussian binomials). The coefficients are computed by the
 * q-Pascal rule [n choose k]_q = [n−1 choose k−1]_q + q^k·[n−1 choose k]_q, as doubles (exact up to 2^53, relative
 * error ~1e-16 beyond).
 */
final class InversionDistribution {

    /** Sizes up to this total are handled exactly; beyond, callers use the normal approximation. */
    static final int MAX_EXACT_N = 60;

    /** P(S = s) for s = 0 … max. */
    private final double[] probability;

    private InversionDistribution(double[] counts) {
        double total = 0;
        for (double c : counts) {
            total += c;
        }
        probability = new double[counts.length];
        for (int i = 0; i < counts.length; i++) {
            probability[i] = counts[i] / total;
        }
    }

    /** The distribution for groups of the given sizes, in their order. */
    static InversionDistribution of(int... sizes) {
        double[] poly = {1};
        int cumulative = 0;
        for (int n : sizes) {
            cumulative += n;
            poly = multiply(poly, gaussianBinomial(cumulative, n));
        }
        return new InversionDistribution(poly);
    }

    /** P(S ≥ s); s is rounded down to an integer (the statistic is a whole number without ties). */
    double upperTail(double s) {
        int from = (int) Math.ceil(s - 1e-9);
        double p = 0;
        for (int i = Math.max(0, from); i < probability.length; i++) {
            p += probability[i];
        }
        return p;
    }

    /** P(S ≤ s). */
    double lowerTail(double s) {
        int to = (int) Math.floor(s + 1e-9);
        double p = 0;
        for (int i = 0; i <= Math.min(to, probability.length - 1); i++) {
            p += probability[i];
        }
        return p;
    }

    /**
     * Two-sided p: twice the smaller tail at s, capped at 1. The distribution is symmetric about its mean, so this
     * is also twice the upper tail at the statistic's reflection above the mean (SciPy's definition for U).
     */
    double twoSided(double s) {
        return Math.min(1, 2 * Math.min(upperTail(s), lowerTail(s)));
    }

    /** Coefficients of the Gaussian binomial [n choose k]_q, degree k(n − k). */
    static double[] gaussianBinomial(int n, int k) {
        // row[j] = [i choose j]_q for the current i, built up from i = 0.
        double[][] row = new double[k + 1][];
        row[0] = new double[] {1};
        for (int j = 1; j <= k; j++) {
            row[j] = new double[] {0};
        }
        for (int i = 1; i <= n; i++) {
            for (int j = Math.min(i, k); j >= 1; j--) {
                // [i choose j] = [i-1 choose j-1] + q^j [i-1 choose j]
                double[] a = row[j - 1];
                double[] b = j <= i - 1 ? row[j] : new double[] {0};
                int deg = j * (i - j);
                double[] c = new double[deg + 1];
                for (int d = 0; d < a.length && d <= deg; d++) {
                    c[d] += a[d];
                }
                for (int d = 0; d < b.length && d + j <= deg; d++) {
                    c[d + j] += b[d];
                }
                row[j] = c;
            }
        }
        return row[k];
    }

    private static double[] multiply(double[] a, double[] b) {
        double[] c = new double[a.length + b.length - 1];
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < b.length; j++) {
                c[i + j] += a[i] * b[j];
            }
        }
        return c;
    }
}
