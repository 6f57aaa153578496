package org.neuroatlas.core.stats;

import java.util.Locale;

import org.neuroatlas.core.InputException;
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

    /**
     * How messages name each setting: the command's options ({@link #CLI}) or a node's dialog labels.
     */
    public record Names(String control, String valueColumn, String regions, String minN, String fdr, String pseudoCount, String missing) {
        /** The options of {@code ./neuroatlas stats}. */
        public static final Names CLI = new Names("--control", "--value-column", "--regions", "--min-n", "--fdr", "--pseudo-count", "--missing");
    }

    /**
     * Settings from what a user typed, checked with messages that name the setting as {@code names} does; shared by
     * the command and the Group Statistics node so that both accept and refuse the same values.
     *
     * @param regions {@code null} or blank for every region of the values; else a {@link SummaryLevel}
     * @param missing {@code zero} or {@code skip} (any case)
     * @throws InputException naming the first bad setting
     */
    public static StatsSettings parse(String control, String valueColumn, String regions, int minN, double fdr, double pseudoCount, String missing,
            Names names) {
        if (control == null || control.isBlank()) {
            throw InputException.parameter(names.control(), "is empty", "Name the control group exactly as in the sample sheet's group column");
        }
        if (valueColumn == null || valueColumn.isBlank()) {
            throw InputException.parameter(names.valueColumn(), "is empty", "Name the column to compare, e.g. count");
        }
        if (minN < 2) {
            throw InputException.parameter(names.minN(), minN + " is below 2", "Tests need at least 2 samples per group; 3 or more is usual");
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw InputException.parameter(names.fdr(), fdr + " is not between 0 and 1", "Give a false-discovery rate such as 0.05");
        }
        if (!(pseudoCount >= 0) || Double.isInfinite(pseudoCount)) {
            throw InputException.parameter(names.pseudoCount(), pseudoCount + " is not a number of 0 or more", "Give e.g. 1 for counts");
        }
        Missing m = switch (missing == null ? "" : missing.trim().toLowerCase(Locale.ROOT)) {
            case "zero" -> Missing.ZERO;
            case "skip" -> Missing.SKIP;
            default -> throw InputException.parameter(names.missing(), "'" + missing + "' is neither zero nor skip", "Use zero or skip");
        };
        SummaryLevel level = regions == null || regions.isBlank() ? null : SummaryLevel.parse(regions, names.regions());
        return new StatsSettings(control.trim(), valueColumn.trim(), level, minN, fdr, pseudoCount, m);
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
