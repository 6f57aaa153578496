package org.neuroatlas.core.cli;

import java.util.Locale;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.Sample;
import org.neuroatlas.core.study.SampleSheet;

import picocli.CommandLine.Option;

/** The options of the group statistics, shared by {@code stats}, {@code run} and {@code demo}. */
final class StatsOptions {

    @Option(names = "--control", paramLabel = "GROUP", description = "The control group, as named in the sheet's group column (default: the group "
            + "with the lowest dose, e.g. saline at 0 mg/kg).")
    String control;

    @Option(names = "--value-column", paramLabel = "NAME", defaultValue = "count", description = "Column to compare (default: ${DEFAULT-VALUE}).")
    String valueColumn;

    @Option(names = "--regions", paramLabel = "LEVEL", description = "Regions to compare: acronyms (VTA,SNc), major, depth:N (needs a depth column) "
            + "or all (default: every region in the values).")
    String regions;

    @Option(names = "--min-n", paramLabel = "N", defaultValue = "3", description = "Fewest samples per group for a test (default: ${DEFAULT-VALUE}); fewer are flagged.")
    int minN;

    @Option(names = "--fdr", paramLabel = "Q", defaultValue = "0.05", description = "q_welch below this is up/down (default: ${DEFAULT-VALUE}).")
    double fdr;

    @Option(names = "--pseudo-count", paramLabel = "C", defaultValue = "1",
            description = "c in log2_fc = log2((mean_treated + c)/(mean_control + c)), value unit (default: ${DEFAULT-VALUE}).")
    double pseudoCount;

    @Option(names = "--missing", paramLabel = "zero|skip", defaultValue = "zero", description = "A sample without a row for a region: zero (default; "
            + "map lists only regions with cells) or skip (unknown, left out).")
    String missing;

    /**
     * The settings, the control defaulting to the sheet's lowest-dose group.
     *
     * @throws InputException naming the option of a bad value
     */
    StatsSettings settings(SampleSheet sheet) {
        if (minN < 2) {
            throw InputException.parameter("--min-n", minN + " is below 2", "Tests need at least 2 samples per group; 3 or more is usual");
        }
        if (!(fdr > 0 && fdr < 1)) {
            throw InputException.parameter("--fdr", fdr + " is not between 0 and 1", "Give a false-discovery rate such as 0.05");
        }
        if (!(pseudoCount >= 0) || Double.isInfinite(pseudoCount)) {
            throw InputException.parameter("--pseudo-count", pseudoCount + " is not a number of 0 or more", "Give e.g. 1 for counts");
        }
        StatsSettings.Missing m = switch (missing.trim().toLowerCase(Locale.ROOT)) {
            case "zero" -> StatsSettings.Missing.ZERO;
            case "skip" -> StatsSettings.Missing.SKIP;
            default -> throw InputException.parameter("--missing", "'" + missing + "' is neither zero nor skip", "Use --missing zero or --missing skip");
        };
        if (valueColumn.isBlank()) {
            throw InputException.parameter("--value-column", "is empty", "Name the column to compare, e.g. count");
        }
        SummaryLevel level = regions == null ? null : SummaryLevel.parse(regions, "--regions");
        return new StatsSettings(control == null ? lowestDoseGroup(sheet) : control.trim(), valueColumn.trim(), level, minN, fdr, pseudoCount, m);
    }

    /** The group with the lowest dose (first in sheet order on a tie); the first group if no sample has a dose. */
    static String lowestDoseGroup(SampleSheet sheet) {
        Sample best = null;
        for (Sample s : sheet.samples()) {
            if (best == null || (!Double.isNaN(s.doseMgKg()) && (Double.isNaN(best.doseMgKg()) || s.doseMgKg() < best.doseMgKg()))) {
                best = s;
            }
        }
        if (best == null) {
            throw InputException.parameter("--samples", "lists no sample", "Give a sample sheet with sample_id, group, dose_mg_kg");
        }
        return best.group();
    }
}
