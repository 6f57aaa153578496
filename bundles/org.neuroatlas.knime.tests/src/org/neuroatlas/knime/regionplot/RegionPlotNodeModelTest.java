package org.neuroatlas.knime.regionplot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.StringValue;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.report.ComparisonTable;
import org.neuroatlas.core.report.ReportFolder;
import org.neuroatlas.core.stats.DoseComparison;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.stats.RegionValues;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeTables;
import org.neuroatlas.knime.groupstatistics.StatsFixture;

/**
 * The Region Plot node inside OSGi: the output spec, the port and settings checks, and the plots of a small study's
 * dose comparison: the same figures (SVG text and PNG bytes) as {@code ./neuroatlas report} draws from the CSVs.
 */
class RegionPlotNodeModelTest {

    /** The fixture's dose comparison as the engine computes it (what the Group Statistics node outputs). */
    static List<Object[]> comparisonRows() throws Exception {
        Path dir = Files.createTempDirectory("region-plot");
        SampleSheet sheet = SampleSheet.readGroups(StatsFixture.sheetCsv(dir));
        RegionValues values = RegionValues.read(List.of(CsvTable.read(StatsFixture.countsCsv(dir))), "count", sheet.sampleIds());
        DoseComparison.Result r = DoseComparison.run(values, sheet, org.neuroatlas.core.stats.StatsSettings.defaults("saline"), "--control", "--regions");
        return r.rows();
    }

    static DataTable comparisonTable() throws Exception {
        return TinyCohort.table(KnimeTables.spec(DoseComparisonTable.SCHEMA), DoseComparisonTable.SCHEMA, comparisonRows());
    }

    static List<DataRow> plot(RegionPlotNodeModel m, DataTable values, DataTable samples) throws Exception {
        List<DataRow> rows = new ArrayList<>();
        int n = m.plot(comparisonTable(), values, samples, Progress.NONE, rows::add);
        assertEquals(n, rows.size());
        return rows;
    }

    @Test
    void configureGivesThePlotSpecAndChecksThePorts() throws Exception {
        RegionPlotNodeModel m = new RegionPlotNodeModel();
        DataTableSpec comparison = KnimeTables.spec(DoseComparisonTable.SCHEMA);
        DataTableSpec out = m.configure(new DataTableSpec[] {comparison, null, null})[0];
        assertEquals(List.of("contrast", "plot", "image", "svg"), List.of(out.getColumnNames()));
        assertEquals(PNGImageCellFactory.TYPE, out.getColumnSpec("image").getType());
        assertEquals(out, m.configure(new DataTableSpec[] {comparison, KnimeTables.spec(RegionCounts.SCHEMA), KnimeTables.spec(VolumeTable.SCHEMA)})[0]);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {comparison, KnimeTables.spec(RegionCounts.SCHEMA), null}));
        assertTrue(e.getMessage().startsWith("Bar charts need both the region values (input port 1) and the samples (input port 2): connect the samples"),
                e.getMessage());
        e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[] {KnimeTables.spec(RegionCounts.SCHEMA), null, null}));
        assertTrue(e.getMessage().startsWith("dose comparison table (input port 0): missing column(s) region, contrast"), e.getMessage());
        m.settings().valueColumn.setStringValue("cells");
        e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {comparison, KnimeTables.spec(RegionCounts.SCHEMA), KnimeTables.spec(VolumeTable.SCHEMA)}));
        assertTrue(e.getMessage().startsWith("region values table (input port 1): missing column(s) cells"), e.getMessage());
    }

    @Test
    void badSettingsGiveClearMessages() throws Exception {
        DataTableSpec[] in = {KnimeTables.spec(DoseComparisonTable.SCHEMA), null, null};
        RegionPlotNodeModel slices = new RegionPlotNodeModel();
        slices.settings().slices.setIntValue(0);
        assertEquals("Slices per contrast must be between 1 and 24, not 0",
                assertThrows(InvalidSettingsException.class, () -> slices.configure(in)).getMessage());
        RegionPlotNodeModel top = new RegionPlotNodeModel();
        top.settings().topRegions.setIntValue(0);
        assertEquals("Top regions must be at least 1, not 0", assertThrows(InvalidSettingsException.class, () -> top.configure(in)).getMessage());
        RegionPlotNodeModel atlas = new RegionPlotNodeModel();
        atlas.settings().atlas.atlas.setStringValue("/no/such/atlas");
        assertTrue(assertThrows(InvalidSettingsException.class, () -> atlas.configure(in)).getMessage().contains("Atlas folder does not exist"));
        // Without coronal slices the atlas is not needed.
        atlas.settings().coronal.setBooleanValue(false);
        atlas.configure(in);
        NodeSettings s = new NodeSettings("model");
        slices.settings().saveSettingsTo(s);
        assertThrows(InvalidSettingsException.class, () -> new RegionPlotNodeModel().settings().validateSettings(s));
    }

    @Test
    void volcanoOnlyWithoutValuesAndAtlas() throws Exception {
        RegionPlotNodeModel m = new RegionPlotNodeModel();
        m.settings().coronal.setBooleanValue(false);
        List<DataRow> rows = plot(m, null, null);
        assertEquals(List.of("ketamine-30 vs saline|volcano", "ketamine-100 vs saline|volcano"), kinds(rows));
    }

    @Test
    void drawsTheFiguresOfTheReportCommand() throws Exception {
        RegionPlotNodeModel m = new RegionPlotNodeModel();
        m.settings().slices.setIntValue(2);
        m.settings().topRegions.setIntValue(3);
        List<DataRow> rows = plot(m, StatsFixture.countsTable(), StatsFixture.volumeTable());
        assertEquals(List.of("ketamine-30 vs saline|volcano", "ketamine-30 vs saline|bars", "ketamine-30 vs saline|coronal",
                "ketamine-100 vs saline|volcano", "ketamine-100 vs saline|bars", "ketamine-100 vs saline|coronal"), kinds(rows));
        // ./neuroatlas report --comparison dose_comparison.csv --values counts.csv --samples samples.csv --atlas demo --top 3 --slices 2
        Path dir = Files.createTempDirectory("region-plot-cli");
        Path comparison = dir.resolve("dose_comparison.csv");
        CsvTableWriter.write(comparison, DoseComparisonTable.SCHEMA, comparisonRows());
        SampleSheet sheet = SampleSheet.readGroups(StatsFixture.sheetCsv(dir));
        RegionValues values = RegionValues.read(List.of(CsvTable.read(StatsFixture.countsCsv(dir))), "count", sheet.sampleIds());
        List<ReportFolder.Plot> expected;
        try (Atlas atlas = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE)) {
            expected = ReportFolder.plots(new ReportFolder.Content(ComparisonTable.read(comparison), values, sheet, atlas, 3, 2), Progress.NONE);
        }
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            assertEquals(expected.get(i).figure().svg(), ((StringValue) rows.get(i).getCell(3)).getStringValue(), "svg of row " + i);
            assertEquals(PNGImageCellFactory.create(expected.get(i).figure().png()), rows.get(i).getCell(2), "png of row " + i);
        }
        // The bar chart shows every sample of the volume table once, although it has two rows per sample.
        String bars = ((StringValue) rows.get(1).getCell(3)).getStringValue();
        assertEquals(3, bars.split("dot:VTA\\|both\\|saline", -1).length - 1, "three saline dots in the VTA panel");
    }

    private static List<String> kinds(List<DataRow> rows) {
        return rows.stream().map(r -> ((StringValue) r.getCell(0)).getStringValue() + "|" + ((StringValue) r.getCell(1)).getStringValue()).toList();
    }
}
