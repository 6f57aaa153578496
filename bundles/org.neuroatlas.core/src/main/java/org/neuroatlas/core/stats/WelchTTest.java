package org.neuroatlas.core.stats;

import org.apache.commons.math3.distribution.TDistribution;

/**
 * Welch's unequal-variance t-test, two-sided: t = (m_t − m_c) / √(s_t²/n_t + s_c²/n_c) with Welch–Satterthwaite
 * degrees of freedom. As SciPy's {@code ttest_ind(treated, control, equal_var=False)}.
 *
 * @param t  statistic (positive when the treated mean is higher); NaN if not defined
 * @param df Welch–Satterthwaite degrees of freedom
 * @param p  two-sided p-value
 */
public record WelchTTest(double t, double df, double p) {

    static final WelchTTest UNDEFINED = new WelchTTest(Double.NaN, Double.NaN, Double.NaN);

    /** The test of {@code treated} against {@code control}; undefined (NaN) if a group has fewer than 2 values or both variances are 0. */
    public static WelchTTest of(double[] treated, double[] control) {
        int nt = treated.length;
        int nc = control.length;
        if (nt < 2 || nc < 2) {
            return UNDEFINED;
        }
        double vt = Summary.variance(treated) / nt;
        double vc = Summary.variance(control) / nc;
        double se2 = vt + vc;
        if (!(se2 > 0)) {
            return UNDEFINED;
        }
        double t = (Summary.mean(treated) - Summary.mean(control)) / Math.sqrt(se2);
        double df = se2 * se2 / (vt * vt / (nt - 1) + vc * vc / (nc - 1));
        return new WelchTTest(t, df, twoSidedT(t, df));
    }

    /** Two-sided p of a t statistic, computed from the upper tail so that tiny p-values keep their precision. */
    static double twoSidedT(double t, double df) {
        TDistribution dist = new TDistribution(null, df);
        return Math.min(1, 2 * dist.cumulativeProbability(-Math.abs(t)));
    }
}
