package org.neuroatlas.core.cli;


import org.neuroatlas.core.InputException;
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
        return StatsSettings.parse(control == null ? lowestDoseGroup(sheet) : control, valueColumn, regions, minN, fdr, pseudoCount, missing,
                StatsSettings.Names.CLI);
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
