package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The values of one region × hemisphere split by group, with the tests across all groups and the region's flags.
 * Mutable only for the q-values, which are filled in once all regions are known.
 */
final class RegionCell {

    final RegionValues.Region region;
    final String hemisphere;
    /** Values per group, in design order (control first). */
    final double[][] byGroup;
    final Summary[] summaries;
    /** Whether group g has enough samples for tests. */
    final boolean[] testable;
    final List<String> flags;
    final WelchAnova anova;
    final KruskalWallis kw;
    final LinearTrend trend;
    final JonckheereTerpstra jt;
    double qAnova = Double.NaN;
    double qKw = Double.NaN;
    double qTrend = Double.NaN;
    double qJt = Double.NaN;

    private RegionCell(RegionValues.Region region, String hemisphere, double[][] byGroup, Summary[] summaries, boolean[] testable, List<String> flags,
            WelchAnova anova, KruskalWallis kw, LinearTrend trend, JonckheereTerpstra jt) {
        this.region = region;
        this.hemisphere = hemisphere;
        this.byGroup = byGroup;
        this.summaries = summaries;
        this.testable = testable;
        this.flags = flags;
        this.anova = anova;
        this.kw = kw;
        this.trend = trend;
        this.jt = jt;
    }

    static RegionCell of(RegionValues values, RegionValues.Region region, String hemisphere, StudyDesign design, StatsSettings settings) {
        List<StudyDesign.Group> groups = design.groups;
        int k = groups.size();
        double[][] byGroup = new double[k][];
        Summary[] summaries = new Summary[k];
        boolean[] testable = new boolean[k];
        List<String> flags = new ArrayList<>();
        int missing = 0;
        int zeroFilled = 0;
        List<Double> doses = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        for (int g = 0; g < k; g++) {
            List<Double> v = new ArrayList<>();
            for (String sample : groups.get(g).samples()) {
                Double x = values.value(region, hemisphere, sample);
                if (x == null && settings.missing() == StatsSettings.Missing.ZERO) {
                    x = 0.0;
                    zeroFilled++;
                }
                if (x == null || x.isNaN()) {
                    missing++;
                    continue;
                }
                v.add(x);
                doses.add(groups.get(g).doseMgKg());
                all.add(x);
            }
            byGroup[g] = v.stream().mapToDouble(Double::doubleValue).toArray();
            summaries[g] = Summary.of(byGroup[g]);
            testable[g] = byGroup[g].length >= settings.minN();
        }
        boolean allTestable = true;
        for (int g = 0; g < k; g++) {
            String name = groups.get(g).name();
            int n = byGroup[g].length;
            if (n == 0) {
                flags.add("missing_group:" + name);
            } else if (n < settings.minN()) {
                flags.add("too_few_samples:" + name);
            } else if (summaries[g].sd() == 0) {
                flags.add("zero_variance:" + name);
            }
            allTestable &= testable[g];
        }
        if (missing > 0) {
            flags.add("missing_values:" + missing);
        }
        if (zeroFilled > 0) {
            flags.add("zero_filled:" + zeroFilled);
        }
        boolean hasDoses = design.hasDoses();
        if (!hasDoses) {
            flags.add("no_dose");
        }
        WelchAnova anova = allTestable ? WelchAnova.of(byGroup) : WelchAnova.UNDEFINED;
        KruskalWallis kw = allTestable ? KruskalWallis.of(byGroup) : new KruskalWallis(Double.NaN, Double.NaN);
        LinearTrend trend = new LinearTrend(Double.NaN, Double.NaN);
        JonckheereTerpstra jt = new JonckheereTerpstra(Double.NaN, Double.NaN, false);
        if (allTestable && hasDoses) {
            trend = LinearTrend.of(doses.stream().mapToDouble(Double::doubleValue).toArray(), all.stream().mapToDouble(Double::doubleValue).toArray());
            jt = JonckheereTerpstra.of(byDoseLevel(groups, byGroup));
        }
        return new RegionCell(region, hemisphere, byGroup, summaries, testable, List.copyOf(flags), anova, kw, trend, jt);
    }

    /** Values pooled per distinct dose, ascending: the ordered groups of the trend alternative. */
    private static double[][] byDoseLevel(List<StudyDesign.Group> groups, double[][] byGroup) {
        TreeMap<Double, double[]> levels = new TreeMap<>();
        for (int g = 0; g < groups.size(); g++) {
            levels.merge(groups.get(g).doseMgKg(), byGroup[g], Ranks::pool);
        }
        return levels.values().toArray(double[][]::new);
    }
}
