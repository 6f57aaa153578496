package org.neuroatlas.core.study;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.io.CsvTable;

/**
 * The simulator's true change of each region between two groups, to set next to what the pipeline measured: the
 * mean over each group's brains of {@code cells_in_image} (cells placed inside the imaged volume) from the cohort's
 * {@code ground_truth_regions.csv}.
 */
public final class DemoTruth {

    /** "acronym\themisphere\tgroup" → [sum, n]. */
    private final Map<String, double[]> sums;

    private DemoTruth(Map<String, double[]> sums) {
        this.sums = sums;
    }

    public static DemoTruth read(Path groundTruthRegions) {
        CsvTable t = CsvTable.read(groundTruthRegions);
        t.requireColumns("group", "acronym", "hemisphere", "cells_in_image");
        Map<String, double[]> sums = new HashMap<>();
        for (int r = 0; r < t.size(); r++) {
            double[] s = sums.computeIfAbsent(String.join("\t", t.get(r, "acronym"), t.get(r, "hemisphere"), t.get(r, "group")), k -> new double[2]);
            s[0] += t.getDouble(r, "cells_in_image", false);
            s[1]++;
        }
        return new DemoTruth(sums);
    }

    /** True percent change of the region's mean count from {@code control} to {@code treated}; NaN if unknown. */
    public double percentChange(String acronym, String hemisphere, String control, String treated) {
        double c = mean(acronym, hemisphere, control);
        double t = mean(acronym, hemisphere, treated);
        return c > 0 ? 100 * (t / c - 1) : Double.NaN;
    }

    private double mean(String acronym, String hemisphere, String group) {
        double[] s = sums.get(String.join("\t", acronym, hemisphere, group));
        return s == null || s[1] == 0 ? Double.NaN : s[0] / s[1];
    }

    /** The regions the demo images whole and compares. */
    public static final List<String> DEMO_REGIONS = List.of("VTA", "SNc");
}
