package org.neuroatlas.core.stats;

import org.apache.commons.math3.special.Beta;

/**
 * Welch's one-way ANOVA (heteroscedastic), Welch 1951:
 * <pre>
 *   w_i = n_i / s_i²,  W = Σ w_i,  m_w = Σ w_i·m_i / W
 *   A   = Σ w_i (m_i − m_w)² / (k − 1)
 *   L   = Σ (1 − w_i/W)² / (n_i − 1)
 *   F   = A / (1 + 2(k − 2)/(k² − 1)·L),   df1 = k − 1,   df2 = (k² − 1) / (3L)
 * </pre>
 *
 * @param f   statistic
 * @param df1 numerator degrees of freedom
 * @param df2 denominator degrees of freedom
 * @param p   upper-tail p of F(df1, df2); NaN if fewer than 2 groups, a group with n &lt; 2 or zero variance
 */
public record WelchAnova(double f, double df1, double df2, double p) {

    static final WelchAnova UNDEFINED = new WelchAnova(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public static WelchAnova of(double[]... groups) {
        int k = groups.length;
        if (k < 2) {
            return UNDEFINED;
        }
        double[] w = new double[k];
        double[] m = new double[k];
        double sumW = 0;
        for (int i = 0; i < k; i++) {
            if (groups[i].length < 2) {
                return UNDEFINED;
            }
            m[i] = Summary.mean(groups[i]);
            double var = Summary.variance(groups[i], m[i]);
            if (!(var > 0)) {
                return UNDEFINED;
            }
            w[i] = groups[i].length / var;
            sumW += w[i];
        }
        double mw = 0;
        for (int i = 0; i < k; i++) {
            mw += w[i] * m[i] / sumW;
        }
        double a = 0;
        double l = 0;
        for (int i = 0; i < k; i++) {
            a += w[i] * (m[i] - mw) * (m[i] - mw);
            double f = 1 - w[i] / sumW;
            l += f * f / (groups[i].length - 1);
        }
        a /= k - 1;
        double kk = (double) k * k - 1;
        double f = a / (1 + 2.0 * (k - 2) / kk * l);
        double df1 = k - 1;
        double df2 = kk / (3 * l);
        // The F upper tail as a regularised beta directly: 1 − cdf would lose small p-values to cancellation.
        double p = Beta.regularizedBeta(df2 / (df2 + df1 * f), df2 / 2, df1 / 2);
        return new WelchAnova(f, df1, df2, p);
    }
}
