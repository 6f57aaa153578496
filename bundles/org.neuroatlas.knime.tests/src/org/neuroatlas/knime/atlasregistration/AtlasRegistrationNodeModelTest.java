package org.neuroatlas.knime.atlasregistration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.DoubleValue;
import org.knime.core.data.LongValue;
import org.knime.core.data.StringValue;
import org.knime.core.data.def.StringCell;
import org.knime.core.data.image.png.PNGImageCellFactory;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.RegistrationImages;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.VolumeWriters;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;

/** The Atlas Registration node inside OSGi: spec at configure, settings checks, registration of a volume table's samples, cancel. */
class AtlasRegistrationNodeModelTest {

    static Path work;
    static Path brain;

    /** A "brain" that is the demo atlas's own template (100 µm, atlas axes = orientation rsa): it registers fast and near-perfectly. */
    @BeforeAll
    static void writeBrain() throws Exception {
        work = Files.createTempDirectory("atlas-registration");
        brain = work.resolve("template.nrrd");
        try (Atlas demo = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE)) {
            VolumeWriters.write(demo.template().orElseThrow(), brain, Progress.NONE);
        }
    }

    /** The Volume Reader's output for sample A (signal and autofluorescence rows, orientation rsa). */
    static DataTable volumeTable() {
        List<Object[]> rows = new ArrayList<>();
        var header = Volumes.readHeader(brain, ReadOptions.defaults().withOrientation(Atlas.ORIENTATION));
        rows.add(VolumeTable.row("A", "saline", 0, "signal", header));
        rows.add(VolumeTable.row("A", "saline", 0, "autofluorescence", header));
        return TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, rows);
    }

    static AtlasRegistrationNodeModel model(Path out) {
        AtlasRegistrationNodeModel m = new AtlasRegistrationNodeModel();
        m.settings().outputFolder.setStringValue(out.toString());
        m.settings().threads.setIntValue(2);
        return m;
    }

    @Test
    void configureGivesTheEngineColumnsThenTheQcImage() throws Exception {
        DataTableSpec spec = model(work.resolve("out")).configure(new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA)})[0];
        List<String> expected = new ArrayList<>(List.of(RegistrationRun.SUMMARY.names()));
        expected.add(AtlasRegistrationNodeModel.QC_IMAGE);
        assertEquals(expected, List.of(spec.getColumnNames()));
        DataTableSpec engine = KnimeTables.spec(RegistrationRun.SUMMARY);
        for (int i = 0; i < engine.getNumColumns(); i++) {
            assertEquals(engine.getColumnSpec(i).getType(), spec.getColumnSpec(i).getType(), engine.getColumnSpec(i).getName());
        }
        assertEquals(PNGImageCellFactory.TYPE, spec.getColumnSpec(AtlasRegistrationNodeModel.QC_IMAGE).getType());
        DataTableSpec noChannel = new DataTableSpec(new DataColumnSpecCreator("sample_id", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("path", StringCell.TYPE).createSpec());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> model(work.resolve("out")).configure(new DataTableSpec[] {noChannel}));
        assertTrue(e.getMessage().startsWith("volume table (input port): missing column(s) channel, voxel_um_x"), e.getMessage());
    }

    @Test
    void registersEverySampleIntoItsOwnFolderWithTheQualityFigures() throws Exception {
        Path out = work.resolve("registrations");
        AtlasRegistrationNodeModel m = model(out);
        List<DataRow> rows = new ArrayList<>();
        List<String> concerns = new ArrayList<>();
        assertEquals(1, m.register(volumeTable(), out, Progress.NONE, rows::add, concerns::add));
        assertEquals(List.of(), concerns, "a brain that registers well raises no warning");
        assertEquals(1, rows.size());
        DataRow r = rows.get(0);
        Path folder = out.resolve("A");
        assertEquals("A", ((StringValue) r.getCell(0)).getStringValue());
        assertEquals(folder.toAbsolutePath().toString(), ((StringValue) r.getCell(1)).getStringValue());
        assertEquals(folder.resolve("transform").toAbsolutePath().toString(), ((StringValue) r.getCell(2)).getStringValue());
        AtlasTransform t = AtlasTransform.load(folder.resolve("transform"));
        assertEquals(t.atlasKey(), ((StringValue) r.getCell(3)).getStringValue());
        double nccAfter = ((DoubleValue) r.getCell(5)).getDoubleValue();
        assertTrue(nccAfter > 0.9, "the template registers onto itself: NCC " + nccAfter);
        assertTrue(((DoubleValue) r.getCell(6)).getDoubleValue() > 0, "no folding: min Jacobian determinant > 0");
        assertEquals(0L, ((LongValue) r.getCell(8)).getLongValue());
        assertFalse(t.isAffine(), "non-rigid by default");
        // The folder holds what the CLI's register writes.
        for (String f : List.of("quality.json", RegistrationImages.WARPED_FILE, RegistrationImages.ATLAS_IN_SAMPLE_FILE)) {
            assertTrue(Files.isRegularFile(folder.resolve(f)), f);
        }
        RegistrationImages.QC_FILES.forEach(f -> assertTrue(Files.isRegularFile(folder.resolve(f)), f));
        assertTrue(Files.readString(folder.resolve("quality.json")).contains("\"nccWarpedToAtlas\""));
        // The QC picture is a PNG image cell of the coronal file's bytes.
        int qc = RegistrationRun.SUMMARY.size();
        assertEquals(qc + 1, r.getNumCells());
        assertEquals(PNGImageCellFactory.create(Files.readAllBytes(folder.resolve(AtlasRegistrationNodeModel.QC_FILE))), r.getCell(qc));
        assertNotNull(r.getCell(qc));
        // The rows fit the configure-time spec cell by cell (the container checks types).
        org.knime.core.data.container.DataContainer c = new org.knime.core.data.container.DataContainer(AtlasRegistrationNodeModel.outputSpec());
        c.addRowToTable(r);
        c.close();
    }

    @Test
    void linearOnlyWritesAnAffineTransform() throws Exception {
        Path out = work.resolve("linear");
        AtlasRegistrationNodeModel m = model(out);
        m.settings().linearOnly.setBooleanValue(true);
        List<DataRow> rows = new ArrayList<>();
        m.register(volumeTable(), out, Progress.NONE, rows::add, c -> { });
        assertTrue(AtlasTransform.load(out.resolve("A").resolve("transform")).isAffine());
        assertEquals(1.0, ((DoubleValue) rows.get(0).getCell(6)).getDoubleValue());
        assertEquals(1.0, ((DoubleValue) rows.get(0).getCell(7)).getDoubleValue());
    }

    @Test
    void badSettingsAreRejectedWithClearMessages() throws Exception {
        assertMessage(m -> {
            m.settings().backend.setStringValue(AtlasRegistrationNodeSettings.ELASTIX);
            m.settings().linearOnly.setBooleanValue(true);
        }, "is an option of the built-in engine");
        assertMessage(m -> m.settings().backend.setStringValue("ants"), "Backend must be 'builtin' or 'elastix', not 'ants'");
        assertMessage(m -> m.settings().outputFolder.setStringValue(""), "Choose the output folder");
        assertMessage(m -> m.settings().outputFolder.setStringValue("relative/regs"), "Output folder must be an absolute path");
        assertMessage(m -> m.settings().channel.setStringValue(" "), "Give the channel to register");
        assertMessage(m -> m.settings().atlas.atlas.setStringValue(work.resolve("no-atlas").toString()), "Atlas folder does not exist");
        // Validation of would-be settings (what KNIME does before applying a dialog or a workflow's settings).
        AtlasRegistrationNodeModel bad = model(work.resolve("out"));
        bad.settings().backend.setStringValue("ants");
        NodeSettings s = new NodeSettings("model");
        bad.settings().saveSettingsTo(s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> new AtlasRegistrationNodeModel().settings().validateSettings(s));
        assertTrue(e.getMessage().contains("'ants'"), e.getMessage());
    }

    @Test
    void anUnknownChannelListsTheTablesChannels() {
        AtlasRegistrationNodeModel m = model(work.resolve("out"));
        m.settings().channel.setStringValue("cfos");
        var e = assertThrows(org.neuroatlas.core.InputException.class, () -> m.register(volumeTable(), work.resolve("out"), Progress.NONE, r -> { }, c -> { }));
        assertTrue(e.getMessage().contains("has no row with channel 'cfos' (channels: signal, autofluorescence)"), e.getMessage());
    }

    @Test
    void cancelStopsTheRegistration() {
        AtlasRegistrationNodeModel m = model(work.resolve("canceled"));
        ExecutionMonitor exec = new ExecutionMonitor();
        exec.getProgressMonitor().setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
                () -> KnimeProgress.run(exec, p -> m.register(volumeTable(), work.resolve("canceled"), p, r -> { }, c -> { })));
    }

    @Test
    void nonDefaultSettingsRoundTrip() throws Exception {
        AtlasRegistrationNodeModel a = model(work.resolve("elsewhere"));
        a.settings().channel.setStringValue("af");
        a.settings().atlas.resolutionUm.setDoubleValue(25);
        a.settings().linearOnly.setBooleanValue(true);
        a.settings().normalise.setBooleanValue(false);
        a.settings().threads.setIntValue(3);
        String xml = SettingsXml.of(a.settings());
        AtlasRegistrationNodeModel b = new AtlasRegistrationNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals("af", b.settings().channelValue());
        assertEquals(work.resolve("elsewhere"), b.settings().outputFolderValue());
        assertEquals(new RegistrationRun.Settings(3, false, true, RegistrationRun.Backend.BUILTIN), b.settings().registrationSettings());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    private interface Change {
        void apply(AtlasRegistrationNodeModel m);
    }

    private static void assertMessage(Change change, String part) {
        AtlasRegistrationNodeModel m = model(work.resolve("out"));
        change.apply(m);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA)}));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
