package org.neuroatlas.core.stats;

import org.neuroatlas.core.atlas.SummaryLevel;

/**
 * Settings of a dose comparison.
 *
 * @param control     name of the control group (as in the sample sheet's group column)
 * @param valueColumn column of the values to compare, e.g. {@code count} or {@code density_per_mm3}
 * @param regions     regions to compare (null: every region in the values); see {@link RegionFilter}
 * @param minN        fewest samples per group for a test; rows below are flagged and left untested (≥ 2)
 * @param fdr         false-discovery rate for {@code direction}: q_welch below it is up/down (0 &lt; fdr &lt; 1)
 * @param pseudoCount c in log2_fc = log2((mean_treated + c)/(mean_control + c)), in the value column's unit (≥ 0)
 * @param missing     what a sample without a row for a region means
 */
public record StatsSettings(String control, String valueColumn, SummaryLevel regions, int minN, double fdr, double pseudoCount, Missing missing) {

    /** The defaults: value column {@code count}, all regions, min n 3, FDR 0.05, pseudo-count 1, missing rows are zero. */
    public static StatsSettings defaults(String control) {
        return new StatsSettings(control, "count", null, 3, 0.05, 1, Missing.ZERO);
    }

    /** What a sample without a row for a region × hemisphere means. */
    public enum Missing {
        /** The value is 0 — right for {@code map} counts, which list only regions holding cells. Flagged as zero_filled. */
        ZERO,
        /** The value is unknown: the sample is left out of that region's tests. Flagged as missing_values. */
        SKIP
    }

    public StatsSettings {
        if (minN < 2) {
            throw new IllegalArgumentException("minN must be >= 2: " + minN);
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw new IllegalArgumentException("fdr must be in (0, 1): " + fdr);
        }
        if (!(pseudoCount >= 0) || Double.isInfinite(pseudoCount)) {
            throw new IllegalArgumentException("pseudoCount must be >= 0: " + pseudoCount);
        }
    }

    public StatsSettings withValueColumn(String v) {
        return new StatsSettings(control, v, regions, minN, fdr, pseudoCount, missing);
    }

    public StatsSettings withRegions(SummaryLevel r) {
        return new StatsSettings(control, valueColumn, r, minN, fdr, pseudoCount, missing);
    }

    public StatsSettings withMinN(int n) {
        return new StatsSettings(control, valueColumn, regions, n, fdr, pseudoCount, missing);
    }

    public StatsSettings withFdr(double f) {
        return new StatsSettings(control, valueColumn, regions, minN, f, pseudoCount, missing);
    }

    public StatsSettings withPseudoCount(double c) {
        return new StatsSettings(control, valueColumn, regions, minN, fdr, c, missing);
    }

    public StatsSettings withMissing(Missing m) {
        return new StatsSettings(control, valueColumn, regions, minN, fdr, pseudoCount, m);
    }
}
