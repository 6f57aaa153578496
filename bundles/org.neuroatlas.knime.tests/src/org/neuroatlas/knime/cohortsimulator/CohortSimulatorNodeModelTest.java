package org.neuroatlas.knime.cohortsimulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.GroundTruth;
import org.neuroatlas.core.study.SampleSheet;
import org.neuroatlas.knime.common.KnimeProgress;

/** The Cohort Simulator node inside OSGi: specs at configure, a tiny simulated cohort, settings checks, cancel. */
class CohortSimulatorNodeModelTest {

    private static final List<String> SHEET_COLUMNS = List.of("sample_id", "group", "dose_mg_kg", "signal_path", "autofluorescence_path",
            "voxel_um_x", "voxel_um_y", "voxel_um_z", "orientation");

    private static void assertSpec(TableSchema schema, DataTableSpec spec) {
        assertEquals(schema.size(), spec.getNumColumns());
        for (int i = 0; i < schema.size(); i++) {
            assertEquals(schema.column(i).name(), spec.getColumnSpec(i).getName());
        }
    }

    @Test
    void configureGivesTheSampleSheetAndGroundTruthSpecs() throws Exception {
        CohortSimulatorNodeModel m = TinyCohort.model(Files.createTempDirectory("cohort-spec").resolve("out"));
        DataTableSpec[] specs = m.configure(new DataTableSpec[0]);
        assertEquals(2, specs.length);
        assertEquals(SHEET_COLUMNS, List.of(CohortSimulatorNodeModel.SAMPLE_SHEET.names()));
        assertSpec(CohortSimulatorNodeModel.SAMPLE_SHEET, specs[0]);
        assertSpec(GroundTruth.REGIONS, specs[1]);
    }

    @Test
    void tinyCohortOutputsOneSheetRowPerBrainAndTheRegionTruth() throws Exception {
        TinyCohort t = TinyCohort.get();
        // The null scenario has the ketamine groups (saline, ketamine-30, ketamine-100); one brain each.
        List<Object[]> sheet = t.sampleSheetRows();
        assertEquals(3, sheet.size());
        assertEquals(List.of("saline_01", "ketamine-30_01", "ketamine-100_01"), sheet.stream().map(r -> r[0]).toList());
        for (Object[] r : sheet) {
            for (int c : new int[] {3, 4}) {
                Path p = Path.of((String) r[c]);
                assertTrue(p.isAbsolute(), p.toString());
                assertTrue(Files.isDirectory(p), p + " exists");
                try (var planes = Files.list(p)) {
                    assertTrue(planes.anyMatch(f -> f.getFileName().toString().endsWith(".tif")), p + " holds TIFF planes");
                }
            }
            assertEquals(List.of(10.0, 10.0, 10.0, "psl"), List.of(r[5], r[6], r[7], r[8]));
        }
        // The table is the cohort's samples.csv: same columns, same samples.
        assertEquals(String.join(",", SHEET_COLUMNS), Files.readAllLines(t.folder.resolve(CohortSimulator.SAMPLE_SHEET)).get(0));
        assertEquals(SampleSheet.read(t.folder.resolve(CohortSimulator.SAMPLE_SHEET)).samples(), t.cohort.sampleSheet().samples());
        assertEquals(CohortSimulatorNodeModel.SAMPLE_SHEET, t.cohort.sampleSheet().schema());
        // Region truth: every brain × region × hemisphere, as in ground_truth_regions.csv.
        List<Object[]> truth = t.cohort.regionTruth();
        assertEquals(Files.readAllLines(t.folder.resolve(CohortSimulator.REGION_TRUTH)).size() - 1, truth.size());
        assertEquals(0, truth.size() % 3);
        Set<Object> samples = new LinkedHashSet<>();
        truth.forEach(r -> samples.add(r[0]));
        assertEquals(Set.of("saline_01", "ketamine-30_01", "ketamine-100_01"), samples);
        assertTrue(truth.size() > 3 * 3 * 100, "rows for every region with voxels: " + truth.size());
        // Both outputs fit their configure-time specs cell by cell (the container checks types).
        DataTable sheetTable = t.sampleSheetTable();
        int n = 0;
        for (DataRow r : sheetTable) {
            assertEquals(SHEET_COLUMNS.size(), r.getNumCells());
            n++;
        }
        assertEquals(3, n);
        TinyCohort.table(t.specs[1], GroundTruth.REGIONS, truth);
    }

    @Test
    void badSettingsAreRejectedAtConfigureWithTheEngineMessage() throws Exception {
        Path out = Files.createTempDirectory("cohort-bad").resolve("out");
        CohortSimulatorNodeModel m = TinyCohort.model(out);
        m.settings().nPerGroup.setIntValue(0);
        assertMessage(m, "parameter --n-per-group: must be between 1 and 1000, not 0");
        m = TinyCohort.model(out);
        m.settings().voxelSizeUm.setStringValue("0.1,5,5");
        assertMessage(m, "--voxel-size");
        m = TinyCohort.model(out);
        m.settings().scenario.setStringValue("/no/such/scenario.json");
        assertMessage(m, "parameter --scenario: '/no/such/scenario.json' is neither a built-in scenario nor a file");
        m = TinyCohort.model(out);
        m.settings().outputFolder.setStringValue("");
        assertMessage(m, "Choose the output folder");
        m.settings().outputFolder.setStringValue("relative/cohort");
        assertMessage(m, "absolute path");
        m = TinyCohort.model(out);
        m.settings().atlas.atlas.setStringValue("/no/such/atlas");
        assertMessage(m, "Atlas folder does not exist");
    }

    @Test
    void validationAcceptsAnEmptyOutputFolderButNotBadValues() throws Exception {
        // A saved node that was never configured must load; configure then asks for the folder.
        CohortSimulatorNodeModel fresh = new CohortSimulatorNodeModel();
        NodeSettings s = new NodeSettings("model");
        fresh.settings().saveSettingsTo(s);
        fresh.settings().validateSettings(s);
        CohortSimulatorNodeModel bad = new CohortSimulatorNodeModel();
        bad.settings().orientation.setStringValue("xyz");
        NodeSettings b = new NodeSettings("model");
        bad.settings().saveSettingsTo(b);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> fresh.settings().validateSettings(b));
        assertTrue(e.getMessage().contains("--orientation"), e.getMessage());
    }

    @Test
    void cancelStopsTheSimulationAndLeavesNoFolder() throws Exception {
        Path out = Files.createTempDirectory("cohort-cancel").resolve("out");
        CohortSimulatorNodeModel m = TinyCohort.model(out);
        m.configure(new DataTableSpec[0]);
        ExecutionMonitor exec = new ExecutionMonitor();
        exec.getProgressMonitor().setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> KnimeProgress.run(exec, m::simulate));
        try (var left = Files.list(out.getParent())) {
            assertEquals(List.of(), left.toList(), "a canceled cohort leaves nothing behind");
        }
    }

    @Test
    void nonDefaultSettingsRoundTrip() throws Exception {
        CohortSimulatorNodeModel a = TinyCohort.model(Path.of("/data/cohort"));
        a.settings().seed.setIntValue(42);
        a.settings().threads.setIntValue(3);
        a.settings().atlas.resolutionUm.setDoubleValue(25);
        String xml = SettingsXml.of(a.settings());
        CohortSimulatorNodeModel b = new CohortSimulatorNodeModel();
        SettingsXml.load(xml, b.settings());
        var engine = b.settings().simulationSettings();
        assertEquals("null", engine.scenario());
        assertEquals(1, engine.nPerGroup());
        assertEquals(42L, engine.seed());
        assertEquals(3, engine.threads());
        assertEquals(TinyCohort.CROP, engine.crop());
        assertEquals(0.1, engine.cellsScale());
        assertFalse(engine.fibres());
        assertEquals("10,10,10", engine.voxelSizeUm().toString());
        assertEquals(25.0, engine.atlasResolutionUm().getAsDouble());
        assertEquals(Path.of("/data/cohort"), b.settings().outputFolderValue());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    @Test
    void defaultsAreTheCliDefaults() throws Exception {
        CohortSimulatorNodeModel m = new CohortSimulatorNodeModel();
        m.settings().outputFolder.setStringValue("/data/cohort");
        var d = m.settings().simulationSettings();
        var cli = org.neuroatlas.core.simulate.SimulationSettings.defaults();
        assertEquals(cli, d);
    }

    private static void assertMessage(CohortSimulatorNodeModel m, String part) {
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[0]));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
