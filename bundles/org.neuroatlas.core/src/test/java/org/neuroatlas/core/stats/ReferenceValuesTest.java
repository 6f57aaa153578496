package org.neuroatlas.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The whole dose-comparison table against SciPy 1.10.1 / numpy 1.24.2: {@code make_reference.py} (next to the
 * fixtures in src/test/resources/org/neuroatlas/core/stats) generated the values and computed every statistic
 * independently; see reference_versions.txt.
 */
class ReferenceValuesTest {

    /** Relative tolerance: the reference and the engine are both double precision, with different algorithms. */
    static final double TOLERANCE = 1e-9;

    static final List<String> NUMERIC = List.of("n_control", "n_treated", "mean_control", "sd_control", "sem_control", "median_control", "mean_treated",
            "sd_treated", "sem_treated", "median_treated", "difference", "fold_change", "log2_fc", "pct_change", "hedges_g", "hedges_g_ci_low",
            "hedges_g_ci_high", "t_welch", "df_welch", "p_welch", "q_welch", "u_mwu", "p_mwu", "q_mwu", "p_anova", "q_anova", "p_kw", "q_kw",
            "slope_per_mg_kg", "p_trend", "q_trend", "p_jt", "q_jt");

    static Path resource(String name) {
        try {
            return Path.of(ReferenceValuesTest.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static DoseComparison.Result runReference(StatsSettings settings) {
        SampleSheet sheet = SampleSheet.readGroups(resource("reference_samples.csv"));
        RegionValues values = RegionValues.read(List.of(CsvTable.read(resource("reference_values.csv"))), settings.valueColumn(),
                sheet.sampleIds());
        return DoseComparison.run(values, sheet, settings, "control", "regions");
    }

    @Test
    void everyStatisticMatchesSciPy() {
        List<Object[]> rows = runReference(StatsSettings.defaults("saline")).rows();
        CsvTable expected = CsvTable.read(resource("reference_expected.csv"));
        assertEquals(expected.size(), rows.size());
        int compared = 0;
        for (int r = 0; r < rows.size(); r++) {
            Object[] row = rows.get(r);
            String where = expected.get(r, "region") + " " + expected.get(r, "hemisphere") + " " + expected.get(r, "contrast");
            assertEquals(expected.get(r, "region"), row[DoseComparisonTable.index("region")], where);
            assertEquals(Integer.valueOf(expected.get(r, "region_id")), row[DoseComparisonTable.index("region_id")], where);
            assertEquals(expected.get(r, "hemisphere"), row[DoseComparisonTable.index("hemisphere")], where);
            assertEquals(expected.get(r, "contrast"), row[DoseComparisonTable.index("contrast")], where);
            assertEquals(expected.get(r, "direction"), row[DoseComparisonTable.index("direction")], where);
            for (String c : NUMERIC) {
                Object actual = row[DoseComparisonTable.index(c)];
                String e = expected.get(r, c);
                if (e.isEmpty()) {
                    assertNull(actual, where + " " + c);
                    continue;
                }
                double want = Double.parseDouble(e);
                double got = ((Number) actual).doubleValue();
                if (Math.abs(got - want) > TOLERANCE * Math.max(Math.abs(want), Math.abs(got))) {
                    fail(where + " " + c + ": expected " + want + " (SciPy), got " + got);
                }
                compared++;
            }
        }
        assertTrue(compared > 1500, "compared " + compared);
    }

    @Test
    void theReferenceCoversExactAndApproximatePathsAndAnEmptyCell() {
        List<Object[]> rows = runReference(StatsSettings.defaults("saline")).rows();
        int exactMwu = 0;
        int approxMwu = 0;
        boolean emptyCellFlagged = false;
        for (Object[] row : rows) {
            // Exact p-values of 4 vs 4 are multiples of 1/70.
            double p = (Double) row[DoseComparisonTable.index("p_mwu")];
            double k = p * 70 / 2;
            if (Math.abs(k - Math.rint(k)) < 1e-9) {
                exactMwu++;
            } else {
                approxMwu++;
            }
            if (row[0].equals("SNc") && "left".equals(row[2]) && row[6].equals("ketamine-30")) {
                assertEquals(3, row[DoseComparisonTable.index("n_treated")]);
                emptyCellFlagged = ((String) row[DoseComparisonTable.index("flag")]).contains("missing_values:1");
            }
        }
        assertTrue(exactMwu > 5 && approxMwu > 5, exactMwu + " exact, " + approxMwu + " approximate");
        assertTrue(emptyCellFlagged);
    }
}
