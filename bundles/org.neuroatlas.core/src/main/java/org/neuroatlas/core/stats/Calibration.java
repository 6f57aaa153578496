package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.neuroatlas.core.simulate.CountCohort;

/**
 * The calibration bar of issue 8, measured on counts-level simulated cohorts ({@link CountCohort}) run through
 * {@link DoseComparison} with default settings: the average false-discovery proportion at the FDR under a scenario
 * without effects, and per region × contrast the power to detect a true cell effect. Cohort k uses seed
 * {@code seed + k}, so every figure is reproducible and a single cohort can be re-simulated with
 * {@code ./neuroatlas simulate --seed}.
 */
public final class Calibration {

    /**
     * False-discovery proportion over cohorts.
     *
     * @param cohorts    cohorts simulated
     * @param contrasts  contrasts per cohort
     * @param meanFdp    mean over cohorts and contrasts of false discoveries / max(1, discoveries)
     * @param standardError Monte-Carlo standard error of {@code meanFdp}: SD over cohorts of each cohort's mean over
     *                   contrasts, / √cohorts (contrasts of one cohort share the control group, so are not independent)
     * @param anyDiscovery  fraction of cohort × contrast with at least one discovery
     */
    public record Fdp(int cohorts, int contrasts, double meanFdp, double standardError, double anyDiscovery) {
    }

    /**
     * Power in one region × contrast.
     *
     * @param trueEffect the scenario's multiplier of the treated group's cell density
     * @param detected   cohorts where q_welch &lt; FDR and the direction is the true one
     */
    public record Power(String region, String contrast, double trueEffect, int detected, int cohorts) {

        public double fraction() {
            return (double) detected / cohorts;
        }
    }

    private Calibration() {
    }

    /**
     * The mean false-discovery proportion; every scenario effect counts as null here, so use a scenario without
     * effects (or the discoveries of true effects count as false).
     */
    public static Fdp falseDiscoveries(CountCohort simulator, int nPerGroup, int cohorts, long seed) {
        double sum = 0;
        double sumSq = 0;
        int any = 0;
        int contrasts = 0;
        for (int k = 0; k < cohorts; k++) {
            Map<String, int[]> perContrast = new LinkedHashMap<>(); // contrast → {discoveries, false ones}
            for (Object[] row : compare(simulator, nPerGroup, seed + k)) {
                int[] t = perContrast.computeIfAbsent((String) cell(row, "contrast"), c -> new int[2]);
                if (!"ns".equals(cell(row, "direction"))) {
                    t[0]++;
                    t[1] += simulator.trueCellEffect((String) cell(row, "region"), (String) cell(row, "treated_group")) == 1 ? 1 : 0;
                }
            }
            double cohortFdp = 0;
            for (int[] t : perContrast.values()) {
                cohortFdp += (double) t[1] / Math.max(1, t[0]);
                any += t[0] > 0 ? 1 : 0;
            }
            contrasts = perContrast.size();
            cohortFdp /= contrasts;
            sum += cohortFdp;
            sumSq += cohortFdp * cohortFdp;
        }
        double mean = sum / cohorts;
        double var = cohorts > 1 ? (sumSq - cohorts * mean * mean) / (cohorts - 1) : Double.NaN;
        return new Fdp(cohorts, contrasts, mean, Math.sqrt(Math.max(0, var) / cohorts), (double) any / (cohorts * contrasts));
    }

    /**
     * Power per region × contrast whose true cell effect is at least {@code minEffect} away from 1 (e.g. 0.2 for
     * 20 %), in row order of the comparison.
     */
    public static List<Power> power(CountCohort simulator, int nPerGroup, int cohorts, long seed, double minEffect) {
        Map<String, int[]> detected = new LinkedHashMap<>();
        Map<String, Object[]> keys = new LinkedHashMap<>();
        for (int k = 0; k < cohorts; k++) {
            for (Object[] row : compare(simulator, nPerGroup, seed + k)) {
                String region = (String) cell(row, "region");
                double effect = simulator.trueCellEffect(region, (String) cell(row, "treated_group"));
                // 1e-9: 1.2 − 1 is 0.19999999999999996 in binary, and a 20 % effect must count as 20 %.
                if (Math.abs(effect - 1) < minEffect - 1e-9) {
                    continue;
                }
                String key = region + "\u0000" + cell(row, "contrast");
                keys.putIfAbsent(key, new Object[] {region, cell(row, "contrast"), effect});
                Object q = cell(row, "q_welch");
                String truth = effect > 1 ? "up" : "down";
                boolean hit = q instanceof Double d && d < 0.05 && truth.equals(cell(row, "direction"));
                detected.computeIfAbsent(key, x -> new int[1])[0] += hit ? 1 : 0;
            }
        }
        List<Power> out = new ArrayList<>();
        keys.forEach((key, k) -> out.add(new Power((String) k[0], (String) k[1], (double) k[2], detected.get(key)[0], cohorts)));
        return out;
    }

    /** One simulated cohort through the dose comparison with the default settings. */
    static List<Object[]> compare(CountCohort simulator, int nPerGroup, long seed) {
        CountCohort.Counts c = simulator.simulate(nPerGroup, seed);
        StatsSettings settings = StatsSettings.defaults(simulator.scenario().control());
        RegionValues values = RegionValues.read(List.of(c.values()), settings.valueColumn(), c.sheet().sampleIds());
        return DoseComparison.run(values, c.sheet(), settings, "control", "regions").rows();
    }

    private static Object cell(Object[] row, String column) {
        return row[DoseComparisonTable.index(column)];
    }
}
