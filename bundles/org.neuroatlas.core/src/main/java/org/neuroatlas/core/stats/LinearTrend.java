package org.neuroatlas.core.stats;

/**
 * Dose–response trend: least-squares line value = a + slope·dose over all samples, with the two-sided t-test of
 * slope = 0 on n − 2 degrees of freedom (as SciPy's {@code linregress}).
 *
 * @param slope value units per mg/kg
 * @param p     two-sided p; NaN if fewer than 3 samples, a single dose, or all values equal
 */
public record LinearTrend(double slope, double p) {

    /** @param dose mg/kg per sample; {@code value} the sample's value, same order */
    public static LinearTrend of(double[] dose, double[] value) {
        int n = dose.length;
        if (n < 3) {
            return new LinearTrend(Double.NaN, Double.NaN);
        }
        double mx = Summary.mean(dose);
        double my = Summary.mean(value);
        double sxx = 0;
        double sxy = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (dose[i] - mx) * (dose[i] - mx);
            sxy += (dose[i] - mx) * (value[i] - my);
            syy += (value[i] - my) * (value[i] - my);
        }
        if (!(sxx > 0)) {
            return new LinearTrend(Double.NaN, Double.NaN);
        }
        double slope = sxy / sxx;
        if (!(syy > 0)) {
            return new LinearTrend(slope, Double.NaN);
        }
        double ssRes = Math.max(0, syy - slope * sxy);
        if (ssRes == 0) {
            return new LinearTrend(slope, 0);
        }
        double t = slope / Math.sqrt(ssRes / (n - 2) / sxx);
        return new LinearTrend(slope, WelchTTest.twoSidedT(t, n - 2));
    }
}
