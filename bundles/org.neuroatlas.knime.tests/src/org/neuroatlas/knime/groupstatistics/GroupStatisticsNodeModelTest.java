package org.neuroatlas.knime.groupstatistics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.stats.StatsSettings;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeTables;

/**
 * The Group Statistics node inside OSGi: the output spec is the engine's dose-comparison schema, the rows are those
 * {@code ./neuroatlas stats} computes from the same data as CSVs, and bad settings or inputs give clear messages.
 */
class GroupStatisticsNodeModelTest {

    static GroupStatisticsNodeModel model(String control) {
        GroupStatisticsNodeModel m = new GroupStatisticsNodeModel();
        m.settings().control.setStringValue(control);
        return m;
    }

    static DataTableSpec[] inputSpecs() {
        return new DataTableSpec[] {KnimeTables.spec(RegionCounts.SCHEMA), KnimeTables.spec(VolumeTable.SCHEMA)};
    }

    private static DataTableSpec strings(String... names) {
        return new DataTableSpec(java.util.Arrays.stream(names).map(n -> new DataColumnSpecCreator(n, StringCell.TYPE).createSpec())
                .toArray(org.knime.core.data.DataColumnSpec[]::new));
    }

    @Test
    void configureGivesTheEngineSchemaAndChecksTheInputColumns() throws Exception {
        GroupStatisticsNodeModel m = model("saline");
        DataTableSpec[] out = m.configure(inputSpecs());
        assertEquals(KnimeTables.spec(DoseComparisonTable.SCHEMA), out[0]);
        assertEquals(List.of(DoseComparisonTable.SCHEMA.names()), List.of(out[0].getColumnNames()));
        // A plain sample sheet table works as well as the volume table.
        m.configure(new DataTableSpec[] {KnimeTables.spec(RegionCounts.SCHEMA), KnimeTables.spec(SampleSheet.TWO_CHANNEL_SCHEMA)});
        assertMessage("region values table (input port 0): has no region column",
                () -> m.configure(new DataTableSpec[] {strings("sample_id", "count"), KnimeTables.spec(VolumeTable.SCHEMA)}));
        assertMessage("sample table (input port 1): missing column(s) group",
                () -> m.configure(new DataTableSpec[] {KnimeTables.spec(RegionCounts.SCHEMA), strings("sample_id", "dose_mg_kg")}));
        m.settings().valueColumn.setStringValue("cells");
        assertMessage("region values table (input port 0): missing column(s) cells", () -> m.configure(inputSpecs()));
    }

    @Test
    void executeGivesTheRowsOfTheStatsCommand() throws Exception {
        for (String column : List.of("count", "density_per_mm3")) {
            GroupStatisticsNodeModel m = model("saline");
            m.settings().valueColumn.setStringValue(column);
            m.settings().regions.setStringValue("VTA,SNc,CP");
            DoseComparison.Result node = m.compare(StatsFixture.countsTable(), StatsFixture.volumeTable());
            // What ./neuroatlas stats --values counts.csv --samples samples.csv --control saline does with the same data.
            Path dir = Files.createTempDirectory("group-stats");
            SampleSheet sheet = SampleSheet.readGroups(StatsFixture.sheetCsv(dir));
            RegionValues values = RegionValues.read(List.of(CsvTable.read(StatsFixture.countsCsv(dir))), column, sheet.sampleIds());
            StatsSettings settings = StatsSettings.defaults("saline").withValueColumn(column).withRegions(m.settings().statsSettings().regions());
            DoseComparison.Result cli = DoseComparison.run(values, sheet, settings, "--control", "--regions");
            assertEquals(cli.rows().size(), node.rows().size());
            assertEquals(3 * 3 * 2, node.rows().size(), "regions × hemispheres × contrasts");
            for (int i = 0; i < cli.rows().size(); i++) {
                assertArrayEquals(cli.rows().get(i), node.rows().get(i), column + " row " + i);
            }
        }
    }

    @Test
    void theDoseSeriesReadsAsExpected() {
        List<Object[]> rows = model("saline").compare(StatsFixture.countsTable(), StatsFixture.volumeTable()).rows();
        int region = DoseComparisonTable.index("region"), hemi = DoseComparisonTable.index("hemisphere"),
                contrast = DoseComparisonTable.index("contrast"), direction = DoseComparisonTable.index("direction"),
                flag = DoseComparisonTable.index("flag");
        List<String> seen = new ArrayList<>();
        for (Object[] r : rows) {
            if ("both".equals(r[hemi])) {
                seen.add(r[region] + " " + r[contrast] + " " + r[direction]);
            }
            if ("CP".equals(r[region]) && "ketamine-100 vs saline".equals(r[contrast])) {
                assertTrue(((String) r[flag]).contains("zero_filled"), "k100_3 has no CP rows: " + r[flag]);
            }
        }
        assertTrue(seen.contains("VTA ketamine-30 vs saline up"), seen.toString());
        assertTrue(seen.contains("VTA ketamine-100 vs saline up"), seen.toString());
        assertTrue(seen.contains("SNc ketamine-100 vs saline down"), seen.toString());
        assertEquals("VTA ketamine-30 vs saline up", seen.get(0), "regions in values order, contrasts by dose");
    }

    @Test
    void badSettingsAndInputsGiveClearMessages() throws Exception {
        assertMessage("parameter Control group: is empty", () -> new GroupStatisticsNodeModel().configure(inputSpecs()));
        GroupStatisticsNodeModel fdr = model("saline");
        fdr.settings().fdr.setDoubleValue(5);
        assertMessage("parameter FDR: 5.0 is not between 0 and 1", () -> fdr.configure(inputSpecs()));
        GroupStatisticsNodeModel missing = model("saline");
        missing.settings().missing.setStringValue("none");
        assertMessage("parameter Missing rows: 'none' is neither zero nor skip", () -> missing.configure(inputSpecs()));
        GroupStatisticsNodeModel minN = model("saline");
        minN.settings().minN.setIntValue(1);
        assertMessage("parameter Minimum n per group: 1 is below 2", () -> minN.configure(inputSpecs()));
        // Saved settings with a bad value are refused when loaded (dialog apply).
        NodeSettings s = new NodeSettings("model");
        fdr.settings().saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> new GroupStatisticsNodeModel().settings().validateSettings(s));

        InputException control = assertThrows(InputException.class,
                () -> model("vehicle").compare(StatsFixture.countsTable(), StatsFixture.volumeTable()));
        assertTrue(control.getMessage().startsWith("parameter Control group: group 'vehicle' is not in the sample sheet (groups: saline, ketamine-30, "
                + "ketamine-100)"), control.getMessage());
        List<Object[]> conflicting = StatsFixture.volumeRows();
        conflicting.get(1)[1] = "ketamine-30";
        DataTable samples = TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, conflicting);
        InputException conflict = assertThrows(InputException.class, () -> model("saline").compare(StatsFixture.countsTable(), samples));
        assertTrue(conflict.getMessage().startsWith("sample table (input port 1): row 2 (Row1), column group: sample sal_1 is in group "
                + "'ketamine-30' here but in 'saline' in row 1"), conflict.getMessage());
        List<Object[]> extraGroup = new ArrayList<>(StatsFixture.volumeRows());
        extraGroup.add(new Object[] {"k300_1", "ketamine-300", 300.0, "signal", "/data/k300_1.tif", "tiff", 10L, 10L, 10L, 5.0, 5.0, 5.0, "psl",
            "uint16", 2000L});
        DataTable withEmptyGroup = TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, extraGroup);
        InputException empty = assertThrows(InputException.class, () -> model("saline").compare(StatsFixture.countsTable(), withEmptyGroup));
        assertTrue(empty.getMessage().contains("group ketamine-300 has no sample with values (its samples in the sheet: k300_1)"), empty.getMessage());
        List<Object[]> onlySaline = StatsFixture.volumeRows().stream().filter(r -> r[1].equals("saline")).toList();
        DataTable salineOnly = TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, onlySaline);
        InputException unknownSample = assertThrows(InputException.class, () -> model("saline").compare(StatsFixture.countsTable(), salineOnly));
        assertTrue(unknownSample.getMessage().contains("sample 'k30_1' is not in the sample sheet"), unknownSample.getMessage());
    }

    @Test
    void nonDefaultSettingsRoundTrip() throws Exception {
        GroupStatisticsNodeModel a = model("saline");
        a.settings().valueColumn.setStringValue("density_per_mm3");
        a.settings().regions.setStringValue("major");
        a.settings().minN.setIntValue(4);
        a.settings().fdr.setDoubleValue(0.1);
        a.settings().pseudoCount.setDoubleValue(0.5);
        a.settings().missing.setStringValue("skip");
        String xml = SettingsXml.of(a.settings());
        GroupStatisticsNodeModel b = new GroupStatisticsNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals(a.settings().statsSettings().withRegions(null), b.settings().statsSettings().withRegions(null));
        assertEquals("major", b.settings().regions.getStringValue());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    static void assertMessage(String start, org.junit.jupiter.api.function.Executable e) {
        Throwable t = assertThrows(Exception.class, e);
        assertTrue(t instanceof InvalidSettingsException || t instanceof InputException, t.toString());
        assertTrue(t.getMessage().startsWith(start), t.getMessage());
    }
}
