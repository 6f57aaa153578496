package org.neuroatlas.core.stats;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.study.SampleSheet;

/**
 * The dose comparison of issue 8: per region × hemisphere, each treated group against the control group, plus tests
 * across all groups and for a dose–response trend, with Benjamini–Hochberg q-values (see the package documentation
 * for every formula). Rows ({@link DoseComparisonTable#SCHEMA}) come in a fixed order: regions in the order of the
 * values, hemispheres left, right, both, contrasts by ascending treated dose.
 */
public final class DoseComparison {

    /**
     * Regions up and down in one contrast and hemisphere.
     *
     * @param contrast   e.g. {@code ketamine-30 vs saline}
     * @param hemisphere as in the values ("" without a hemisphere column)
     * @param up         rows with direction up
     * @param down       rows with direction down
     * @param tested     rows with a defined q_welch
     * @param rows       all rows
     */
    public record ContrastSummary(String contrast, String hemisphere, int up, int down, int tested, int rows) {
    }

    /**
     * @param rows                 rows of {@link DoseComparisonTable#SCHEMA}
     * @param summary              per contrast × hemisphere, in row order
     * @param samplesWithoutValues sheet samples that have no value at all and were left out
     */
    public record Result(List<Object[]> rows, List<ContrastSummary> summary, List<String> samplesWithoutValues) {
    }

    private DoseComparison() {
    }

    /**
     * Compares the groups of {@code sheet} in {@code values}.
     *
     * @param controlParameter name of the control setting for messages (e.g. {@code --control})
     * @param regionsParameter name of the regions setting for messages (e.g. {@code --regions})
     * @throws InputException if the control is not a group, a group has no sample with values or different doses, or a
     *                        listed region is not in the values
     */
    public static Result run(RegionValues values, SampleSheet sheet, StatsSettings settings, String controlParameter, String regionsParameter) {
        StudyDesign design = StudyDesign.of(sheet, settings.control(), values.samples(), controlParameter);
        List<RegionValues.Region> regions = RegionFilter.select(values.regions(), settings.regions(), regionsParameter);
        if (regions.isEmpty()) {
            throw InputException.parameter(regionsParameter, "selects no region of the values", "Choose a level or acronyms present in the values");
        }
        List<RowData> rows = new ArrayList<>();
        for (RegionValues.Region region : regions) {
            for (String hemisphere : values.hemispheres()) {
                RegionCell cell = RegionCell.of(values, region, hemisphere, design, settings);
                for (int c = 0; c < design.treated().size(); c++) {
                    rows.add(new RowData(cell, c, settings));
                }
            }
        }
        adjust(rows, values.hemispheres(), design.treated().size());
        List<Object[]> out = new ArrayList<>(rows.size());
        for (RowData r : rows) {
            Object[] row = r.toRow(values, design, settings);
            DoseComparisonTable.SCHEMA.check(row);
            out.add(row);
        }
        return new Result(out, summarise(rows, design), design.samplesWithoutValues);
    }

    /** BH within each contrast × hemisphere for the pairwise tests, within each hemisphere for the across-group tests. */
    private static void adjust(List<RowData> rows, List<String> hemispheres, int contrasts) {
        for (String h : hemispheres) {
            for (int c = 0; c < contrasts; c++) {
                int contrast = c;
                List<RowData> family = rows.stream().filter(r -> r.cell.hemisphere.equals(h) && r.contrast == contrast).toList();
                double[] qw = BenjaminiHochberg.adjust(family.stream().mapToDouble(r -> r.welch.p()).toArray());
                double[] qm = BenjaminiHochberg.adjust(family.stream().mapToDouble(r -> r.mwu.p()).toArray());
                for (int i = 0; i < family.size(); i++) {
                    family.get(i).qWelch = qw[i];
                    family.get(i).qMwu = qm[i];
                }
            }
            // One p per region × hemisphere: take the cells from the first contrast's rows.
            List<RegionCell> cells = rows.stream().filter(r -> r.cell.hemisphere.equals(h) && r.contrast == 0).map(r -> r.cell).toList();
            double[] qa = BenjaminiHochberg.adjust(cells.stream().mapToDouble(x -> x.anova.p()).toArray());
            double[] qk = BenjaminiHochberg.adjust(cells.stream().mapToDouble(x -> x.kw.p()).toArray());
            double[] qt = BenjaminiHochberg.adjust(cells.stream().mapToDouble(x -> x.trend.p()).toArray());
            double[] qj = BenjaminiHochberg.adjust(cells.stream().mapToDouble(x -> x.jt.p()).toArray());
            for (int i = 0; i < cells.size(); i++) {
                cells.get(i).qAnova = qa[i];
                cells.get(i).qKw = qk[i];
                cells.get(i).qTrend = qt[i];
                cells.get(i).qJt = qj[i];
            }
        }
    }

    private static List<ContrastSummary> summarise(List<RowData> rows, StudyDesign design) {
        // Group by contrast first, then hemisphere, in design and values order.
        Map<Integer, Map<String, int[]>> byContrast = new TreeMap<>();
        for (RowData r : rows) {
            int[] t = byContrast.computeIfAbsent(r.contrast, k -> new LinkedHashMap<>()).computeIfAbsent(r.cell.hemisphere, k -> new int[4]);
            t[0] += r.direction().equals("up") ? 1 : 0;
            t[1] += r.direction().equals("down") ? 1 : 0;
            t[2] += Double.isNaN(r.qWelch) ? 0 : 1;
            t[3]++;
        }
        List<ContrastSummary> out = new ArrayList<>();
        byContrast.forEach((c, m) -> m.forEach((h, t) -> out.add(new ContrastSummary(contrastName(design, c), h, t[0], t[1], t[2], t[3]))));
        return out;
    }

    static String contrastName(StudyDesign design, int contrast) {
        return design.treated().get(contrast).name() + " vs " + design.control().name();
    }
}
