package org.neuroatlas.core.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.SummaryLevel;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.study.SampleSheet;

/** Flags instead of silent drops, clear errors, fixed row order and the column contract with the report. */
class DoseComparisonTest {

    static TextTable sheet(String... rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split(",", -1)));
        }
        return TextTable.of("sample sheet", List.of("sample_id", "group", "dose_mg_kg"), null, r);
    }

    /** Rows "sample,region,value" (no hemisphere column). */
    static TextTable values(List<String> rows) {
        List<List<String>> r = new ArrayList<>();
        for (String row : rows) {
            r.add(List.of(row.split(",", -1)));
        }
        return TextTable.of("values", List.of("sample_id", "region", "count"), null, r);
    }

    static final TextTable SHEET = sheet("c1,saline,0", "c2,saline,0", "c3,saline,0", "h1,high,100", "h2,high,100", "h3,high,100", "l1,low,10",
            "l2,low,10", "l3,low,10");

    static DoseComparison.Result run(TextTable sheetTable, List<String> valueRows, StatsSettings settings) {
        SampleSheet s = SampleSheet.groupsFromRows(sheetTable);
        RegionValues v = RegionValues.read(List.of(values(valueRows)), "count", s.sampleIds());
        return DoseComparison.run(v, s, settings, "--control", "--regions");
    }

    static Object cell(Object[] row, String column) {
        return row[DoseComparisonTable.index(column)];
    }

    /** VTA rises with dose, CP is constant in every group, ZI is noise. */
    static List<String> rows() {
        return new ArrayList<>(List.of("c1,VTA,100", "c1,CP,50", "c1,ZI,7", "c2,VTA,104", "c2,CP,50", "c2,ZI,9", "c3,VTA,98", "c3,CP,50", "c3,ZI,8",
                "l1,VTA,150", "l1,CP,50", "l1,ZI,8", "l2,VTA,160", "l2,CP,50", "l2,ZI,6", "l3,VTA,155", "l3,CP,50", "l3,ZI,9",
                "h1,VTA,300", "h1,CP,50", "h1,ZI,10", "h2,VTA,310", "h2,CP,50", "h2,ZI,7", "h3,VTA,320", "h3,CP,50", "h3,ZI,8"));
    }

    @Test
    void contrastsComeByDoseAndTheReportsColumnsExist() {
        List<Object[]> out = run(SHEET, rows(), StatsSettings.defaults("saline")).rows();
        assertEquals(6, out.size());
        assertEquals("low vs saline", cell(out.get(0), "contrast"));
        assertEquals("high vs saline", cell(out.get(1), "contrast"));
        assertEquals("VTA", cell(out.get(0), "region"));
        assertEquals("CP", cell(out.get(2), "region"));
        assertEquals("up", cell(out.get(1), "direction"));
        for (String c : List.of("region", "region_id", "hemisphere", "contrast", "control_group", "treated_group", "log2_fc", "pct_change", "p_welch",
                "q_welch", "direction", "mean_control", "mean_treated")) {
            assertTrue(DoseComparisonTable.SCHEMA.indexOf(c) >= 0, c);
        }
        for (var c : DoseComparisonTable.SCHEMA.columns()) {
            assertTrue(!c.description().isBlank(), c.name());
        }
    }

    @Test
    void zeroVarianceIsFlaggedAndLeavesUndefinedTestsEmpty() {
        List<Object[]> out = run(SHEET, rows(), StatsSettings.defaults("saline")).rows();
        Object[] cp = out.get(2);
        assertEquals("zero_variance:saline;zero_variance:low;zero_variance:high", cell(cp, "flag"));
        assertNull(cell(cp, "t_welch"));
        assertNull(cell(cp, "p_welch"));
        assertNull(cell(cp, "q_welch"));
        assertNull(cell(cp, "hedges_g"));
        assertNull(cell(cp, "p_anova"));
        assertEquals("ns", cell(cp, "direction"));
        assertEquals(50.0, cell(cp, "mean_control"));
        assertEquals(0.0, cell(cp, "sd_control"));
        assertEquals(0.0, cell(cp, "log2_fc"));
    }

    @Test
    void tooFewSamplesAreFlaggedNotDropped() {
        List<Object[]> out = run(SHEET, rows(), StatsSettings.defaults("saline").withMinN(4)).rows();
        assertEquals(6, out.size());
        Object[] vta = out.get(0);
        assertEquals("too_few_samples:saline;too_few_samples:low;too_few_samples:high", cell(vta, "flag"));
        assertNull(cell(vta, "p_welch"));
        assertNull(cell(vta, "p_mwu"));
        assertNull(cell(vta, "p_kw"));
        assertNull(cell(vta, "p_trend"));
        assertEquals(3, cell(vta, "n_control"));
        assertNotNull(cell(vta, "mean_treated"));
    }

    @Test
    void absentRowsAreZeroFilledOrSkippedAndSaySo() {
        List<String> r = rows();
        r.remove("l2,ZI,6");
        Object[] zero = run(SHEET, r, StatsSettings.defaults("saline")).rows().get(4);
        assertEquals("zero_filled:1", cell(zero, "flag"));
        assertEquals((8 + 0 + 9) / 3.0, (Double) cell(zero, "mean_treated"), 1e-12);
        Object[] skip = run(SHEET, r, StatsSettings.defaults("saline").withMissing(StatsSettings.Missing.SKIP)).rows().get(4);
        assertEquals("too_few_samples:low;missing_values:1", cell(skip, "flag"));
        assertEquals(2, cell(skip, "n_treated"));
        assertEquals(8.5, cell(skip, "mean_treated"));
    }

    @Test
    void aGroupWithoutValuesIsAnErrorNamingIt() {
        List<String> r = rows();
        r.removeIf(s -> s.startsWith("h"));
        InputException e = assertThrows(InputException.class, () -> run(SHEET, r, StatsSettings.defaults("saline")));
        assertTrue(e.getMessage().contains("group high has no sample with values") && e.getMessage().contains("h1, h2, h3"), e.getMessage());
    }

    @Test
    void badInputIsAnErrorNamingTheProblem() {
        InputException control = assertThrows(InputException.class, () -> run(SHEET, rows(), StatsSettings.defaults("vehicle")));
        assertTrue(control.getMessage().startsWith("parameter --control: group 'vehicle' is not in the sample sheet (groups: saline, high, low)"),
                control.getMessage());
        List<String> stranger = rows();
        stranger.add("x9,VTA,3");
        InputException unknown = assertThrows(InputException.class, () -> run(SHEET, stranger, StatsSettings.defaults("saline")));
        assertTrue(unknown.getMessage().contains("row 28, column sample_id: sample 'x9' is not in the sample sheet"), unknown.getMessage());
        List<String> nan = rows();
        nan.set(0, "c1,VTA,NaN");
        InputException notFinite = assertThrows(InputException.class, () -> run(SHEET, nan, StatsSettings.defaults("saline")));
        assertTrue(notFinite.getMessage().contains("row 1, column count: 'NaN' is not a finite number"), notFinite.getMessage());
        List<String> twice = rows();
        twice.add("c1,VTA,5");
        InputException duplicate = assertThrows(InputException.class, () -> run(SHEET, twice, StatsSettings.defaults("saline")));
        assertTrue(duplicate.getMessage().contains("sample c1, region VTA has a value already"), duplicate.getMessage());
        InputException doses = assertThrows(InputException.class,
                () -> run(sheet("c1,saline,0", "c2,saline,1", "h1,high,100"), List.of("c1,VTA,1", "c2,VTA,2", "h1,VTA,3"), StatsSettings.defaults("saline")));
        assertTrue(doses.getMessage().contains("group saline has samples with different doses"), doses.getMessage());
        InputException region = assertThrows(InputException.class,
                () -> run(SHEET, rows(), StatsSettings.defaults("saline").withRegions(SummaryLevel.parse("VTA,SNc", "--regions"))));
        assertEquals("parameter --regions: region(s) SNc are not in the values. List regions present in the values (acronyms are case-exact); "
                + "map --regions lists regions even without cells", region.getMessage());
    }

    @Test
    void regionsCanBeSelectedByAcronym() {
        List<Object[]> out = run(SHEET, rows(), StatsSettings.defaults("saline").withRegions(SummaryLevel.parse("ZI,VTA", "--regions"))).rows();
        assertEquals(List.of("VTA", "VTA", "ZI", "ZI"), out.stream().map(r -> cell(r, "region")).toList());
    }

    @Test
    void theReadmeDocumentsEveryColumn() throws java.io.IOException {
        // Tests run in the engine's folder; the README is at the top of the repository.
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("../../README.md"));
        String section = readme.substring(readme.indexOf("## Group statistics"));
        for (var c : DoseComparisonTable.SCHEMA.columns()) {
            assertTrue(section.contains("| " + c.name() + " |"), c.name());
        }
    }

    @Test
    void theSameInputGivesTheSameTableWhateverTheOrderOfSamples() {
        List<Object[]> a = run(SHEET, rows(), StatsSettings.defaults("saline")).rows();
        List<Object[]> b = run(SHEET, rows(), StatsSettings.defaults("saline")).rows();
        List<String> reversed = rows();
        // Samples in reverse, regions in the same order within each sample: the region order stays VTA, CP, ZI.
        List<List<String>> bySample = new ArrayList<>();
        for (int i = 0; i < reversed.size(); i += 3) {
            bySample.add(reversed.subList(i, i + 3));
        }
        Collections.reverse(bySample);
        List<Object[]> c = run(SHEET, bySample.stream().flatMap(List::stream).toList(), StatsSettings.defaults("saline")).rows();
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
            assertArrayEquals(a.get(i), c.get(i), "row " + i);
        }
    }
}
