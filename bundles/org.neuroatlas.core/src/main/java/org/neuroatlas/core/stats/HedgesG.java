package org.neuroatlas.core.stats;

/**
 * Hedges' g, the bias-corrected standardised mean difference, with a normal-approximation 95 % confidence interval:
 * <pre>
 *   s_p = √(((n_t − 1)s_t² + (n_c − 1)s_c²) / (n_t + n_c − 2))     pooled SD
 *   d   = (m_t − m_c) / s_p                                      Cohen's d
 *   J   = 1 − 3 / (4(n_t + n_c) − 9)                             small-sample correction
 *   g   = J·d
 *   SE  = √((n_t + n_c)/(n_t·n_c) + g² / (2(n_t + n_c)))          (Hedges &amp; Olkin 1985)
 *   CI  = g ± 1.959964·SE
 * </pre>
 *
 * @param g      Hedges' g (dimensionless; positive when the treated mean is higher); NaN if undefined
 * @param ciLow  lower end of the 95 % CI
 * @param ciHigh upper end of the 95 % CI
 */
public record HedgesG(double g, double ciLow, double ciHigh) {

    /** z for a two-sided 95 % interval, Φ⁻¹(0.975). */
    static final double Z975 = 1.959963984540054;

    /** g of {@code treated} vs {@code control}; NaN if a group has fewer than 2 values or the pooled SD is 0. */
    public static HedgesG of(double[] treated, double[] control) {
        int nt = treated.length;
        int nc = control.length;
        if (nt < 2 || nc < 2) {
            return new HedgesG(Double.NaN, Double.NaN, Double.NaN);
        }
        double pooled = Math.sqrt(((nt - 1) * Summary.variance(treated) + (nc - 1) * Summary.variance(control)) / (nt + nc - 2));
        if (!(pooled > 0)) {
            return new HedgesG(Double.NaN, Double.NaN, Double.NaN);
        }
        double d = (Summary.mean(treated) - Summary.mean(control)) / pooled;
        double g = (1 - 3.0 / (4.0 * (nt + nc) - 9)) * d;
        double se = Math.sqrt((double) (nt + nc) / ((double) nt * nc) + g * g / (2.0 * (nt + nc)));
        return new HedgesG(g, g - Z975 * se, g + Z975 * se);
    }
}
