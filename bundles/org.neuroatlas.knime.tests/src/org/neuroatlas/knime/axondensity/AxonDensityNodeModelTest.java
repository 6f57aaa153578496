package org.neuroatlas.knime.axondensity;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.DataContainer;
import org.knime.core.data.def.DefaultRow;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.RegionVolumes;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.density.fibre.FibreCounts;
import org.neuroatlas.core.density.fibre.FibreDensity;
import org.neuroatlas.core.density.fibre.FibreSettings;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.RegistrationRun;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;

/**
 * The Axon Density node inside OSGi: specs at configure, settings checks, and a tiny synthetic brain (one straight
 * fibre through a 128 × 80 × 60 µm box of the demo atlas's midbrain at 2 µm voxels) measured with the engine's rows.
 */
class AxonDensityNodeModelTest {

    static final int NX = 64, NY = 40, NZ = 30;
    static final VoxelSize VOXEL = new VoxelSize(2, 2, 2);
    static Path volume;
    static Path registration;

    /** One fibre along x (Gaussian cross-section, σ 1 µm) on a background of 100 with a little texture; its affine transform into the midbrain. */
    @BeforeAll
    static void writeBrain() throws Exception {
        Path dir = Files.createTempDirectory("axon-density");
        volume = dir.resolve("signal");
        Files.createDirectories(volume);
        for (int z = 0; z < NZ; z++) {
            short[] plane = new short[NX * NY];
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    double v = 100 + 300 * Math.exp(-((y - 20) * (y - 20) * 4 + (z - 15) * (z - 15) * 4) / 2.0) + ((x * 7 + y * 13 + z * 29) % 11 - 5);
                    plane[y * NX + x] = (short) Math.round(v);
                }
            }
            TiffWriter.writePlane(volume.resolve(TiffWriter.seriesFileName("signal", z, NZ)), plane, NX, NY, PixelType.UINT16, VOXEL);
        }
        registration = dir.resolve("reg");
        try (Atlas atlas = Atlas.demo(100, Progress.NONE)) {
            AtlasTransform.affine(AffineMap.translation(-8200, -5000, -6300), atlas.identity().key(), new SampleGeometry(new long[] {NX, NY, NZ}, VOXEL, null))
                    .save(registration.resolve("transform"));
        }
    }

    /** The Volume Reader's output for samples A (signal, autofluorescence) and B (signal), both the same file. */
    static DataTable volumeTable() {
        List<Object[]> rows = new ArrayList<>();
        var header = Volumes.readHeader(volume, ReadOptions.defaults());
        rows.add(VolumeTable.row("A", "saline", 0, "signal", header));
        rows.add(VolumeTable.row("A", "saline", 0, "autofluorescence", header));
        rows.add(VolumeTable.row("B", "ketamine-30", 30, "signal", header));
        return TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, rows);
    }

    /** Registration rows for {@code ids}, all pointing at the one registration folder. */
    static DataTable registrationTable(String... ids) {
        List<Object[]> rows = new ArrayList<>();
        for (String id : ids) {
            rows.add(new Object[] {id, registration.toString(), registration.resolve("transform").toString(), "x", 0.0, 1.0, 1.0, 1.0, 0L, 0.0});
        }
        return TinyCohort.table(KnimeTables.spec(RegistrationRun.SUMMARY), RegistrationRun.SUMMARY, rows);
    }

    /** A cells table (text columns) with one 10 µm cell on the fibre in sample A, and one of a sample not measured. */
    static DataTable cellsTable() {
        String[] header = {"sample_id", "x_um", "y_um", "z_um", "diameter_um"};
        List<DataColumnSpec> columns = new ArrayList<>();
        for (String c : header) {
            columns.add(new DataColumnSpecCreator(c, StringCell.TYPE).createSpec());
        }
        DataContainer c = new DataContainer(new DataTableSpec(columns.toArray(DataColumnSpec[]::new)));
        c.addRowToTable(new DefaultRow("cell0", cells("A", "64", "40", "30", "10")));
        c.addRowToTable(new DefaultRow("cell1", cells("Z", "10", "10", "10", "")));
        c.close();
        return c.getTable();
    }

    private static List<DataCell> cells(String... values) {
        return List.of(values).stream().map(v -> (DataCell) new StringCell(v)).toList();
    }

    static AxonDensityNodeModel model() {
        AxonDensityNodeModel m = new AxonDensityNodeModel();
        m.settings().threads.setIntValue(2);
        return m;
    }

    private static DataTableSpec[] specs(DataTableSpec cells) {
        return new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA), KnimeTables.spec(RegistrationRun.SUMMARY), cells};
    }

    @Test
    void configureGivesTheEngineSchemaAndChecksTheInputColumns() throws Exception {
        AxonDensityNodeModel m = model();
        DataTableSpec[] out = m.configure(specs(null));
        assertEquals(1, out.length);
        assertEquals(KnimeTables.spec(AxonDensityTable.SCHEMA), out[0]);
        assertEquals(List.of(AxonDensityTable.SCHEMA.names()), List.of(out[0].getColumnNames()));
        assertEquals("sample_id", out[0].getColumnSpec(0).getName());
        assertEquals(out[0], m.configure(specs(cellsTable().getDataTableSpec()))[0]);
        DataTableSpec onlyX = new DataTableSpec(new DataColumnSpecCreator("x_um", StringCell.TYPE).createSpec());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(specs(onlyX)));
        assertTrue(e.getMessage().startsWith("cells table (input port 2): missing column(s) sample_id, y_um, z_um"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {onlyX, KnimeTables.spec(RegistrationRun.SUMMARY), null}));
        assertTrue(e.getMessage().startsWith("volume table (input port 0): missing column(s) sample_id, channel, path"), e.getMessage());
        e = assertThrows(InvalidSettingsException.class,
                () -> m.configure(new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA), onlyX, null}));
        assertTrue(e.getMessage().startsWith("registration table (input port 1): missing column(s) sample_id, transform_dir"), e.getMessage());
    }

    @Test
    void measuresEverySampleWithTheEnginesRows() throws Exception {
        AxonDensityNodeModel m = model();
        List<Object[]> rows = new ArrayList<>();
        assertEquals(2, m.measure(volumeTable(), registrationTable("X", "B", "A"), cellsTable(), Progress.NONE, rows::add));
        // Exactly the engine's rows: sample A without the fibre voxels in its cell's ball, B with all.
        List<Object[]> expected = new ArrayList<>();
        long[] rootFibre = new long[2];
        try (Atlas atlas = Atlas.openOrDemo("demo", OptionalDouble.empty(), Progress.NONE);
                Volume<?> v = Volumes.open(volume, ReadOptions.defaults().withVoxelSize(VOXEL))) {
            RegionVolumes volumes = RegionVolumes.measure(atlas, Progress.NONE);
            Path folder = registration.resolve("transform");
            AtlasTransform transform = AtlasTransform.load(folder);
            FibreSettings s = FibreSettings.defaults().withThreads(1);
            FibreCounts a = FibreDensity.measure(v, atlas, transform, folder, CellPositions.of(new double[] {64}, new double[] {40}, new double[] {30}),
                    new double[] {10}, s, Progress.NONE);
            FibreCounts b = FibreDensity.measure(v, atlas, transform, folder, null, null, s, Progress.NONE);
            expected.addAll(AxonDensityTable.rows("A", atlas.identity().key(), a, atlas.ontology(), volumes));
            expected.addAll(AxonDensityTable.rows("B", atlas.identity().key(), b, atlas.ontology(), volumes));
            rootFibre[0] = a.fibreVoxelsInBrain();
            rootFibre[1] = b.fibreVoxelsInBrain();
        }
        assertTrue(rootFibre[1] > 40, "the fibre is found: " + rootFibre[1]);
        assertTrue(rootFibre[0] < rootFibre[1], "the cell's ball is left out: " + rootFibre[0] + " vs " + rootFibre[1]);
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            AxonDensityTable.SCHEMA.check(rows.get(i));
            assertArrayEquals(expected.get(i), rows.get(i), "row " + i);
        }
        assertEquals("A", rows.get(0)[0]);
        assertEquals("B", rows.get(rows.size() - 1)[0]);
        // The rows fit the configure-time spec cell by cell (the container checks types).
        TinyCohort.table(KnimeTables.spec(AxonDensityTable.SCHEMA), AxonDensityTable.SCHEMA, rows);
    }

    @Test
    void aSampleMissingFromTheRegistrationTableIsNamed() {
        InputException e = assertThrows(InputException.class,
                () -> model().measure(volumeTable(), registrationTable("A"), null, Progress.NONE, r -> { }));
        assertTrue(e.getMessage().contains("sample 'B' has no row in the registration table (input port 1) (samples there: A)"), e.getMessage());
        AxonDensityNodeModel m = model();
        m.settings().channel.setStringValue("cfos");
        e = assertThrows(InputException.class, () -> m.measure(volumeTable(), registrationTable("A", "B"), null, Progress.NONE, r -> { }));
        assertTrue(e.getMessage().contains("has no row with channel 'cfos' (channels: signal, autofluorescence)"), e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithTheCliParameterName() throws Exception {
        assertMessage(m -> m.settings().threshold.setStringValue("often"), "parameter --threshold: 'often' is not a threshold");
        assertMessage(m -> m.settings().threshold.setStringValue("auto:0"), "parameter --threshold");
        assertMessage(m -> m.settings().fibreDiameterMinUm.setDoubleValue(4), "parameter --fibre-diameter-um");
        assertMessage(m -> m.settings().fibreDiameterMinUm.setDoubleValue(0), "parameter --fibre-diameter-um");
        assertMessage(m -> m.settings().widthFraction.setDoubleValue(1), "parameter --width-fraction");
        assertMessage(m -> m.settings().cellDiameterUm.setDoubleValue(-1), "parameter --cell-diameter-um");
        assertMessage(m -> m.settings().chunkVoxels.setStringValue("64,64"), "parameter --chunk-voxels: '64,64' is not a chunk size");
        assertMessage(m -> m.settings().chunkVoxels.setStringValue("4"), "parameter --chunk-voxels");
        assertMessage(m -> m.settings().channel.setStringValue(" "), "Give the channel");
        assertMessage(m -> m.settings().atlas.atlas.setStringValue("/no/such/atlas"), "Atlas folder does not exist");
        assertMessage(m -> m.settings().atlas.resolutionUm.setDoubleValue(-5), "Atlas resolution");
        // Validation of would-be settings (what KNIME does before applying a dialog or a workflow's settings).
        AxonDensityNodeModel bad = model();
        bad.settings().fibreDiameterMaxUm.setDoubleValue(0.5);
        NodeSettings s = new NodeSettings("model");
        bad.settings().saveSettingsTo(s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> model().settings().validateSettings(s));
        assertTrue(e.getMessage().contains("--fibre-diameter-um"), e.getMessage());
    }

    @Test
    void cancelStopsTheMeasurement() {
        ExecutionMonitor exec = new ExecutionMonitor();
        exec.getProgressMonitor().setExecuteCanceled();
        assertThrows(CanceledExecutionException.class,
                () -> KnimeProgress.run(exec, p -> model().measure(volumeTable(), registrationTable("A", "B"), null, p, r -> { })));
    }

    @Test
    void defaultsAreTheCliDefaultsAndNonDefaultsRoundTrip() throws Exception {
        FibreSettings d = FibreSettings.defaults();
        FibreSettings n = new AxonDensityNodeModel().settings().fibreSettings();
        assertEquals(List.of(d.diameterMinUm(), d.diameterMaxUm(), d.threshold(), d.widthFraction(), d.cellDiameterUm(), d.threads()),
                List.of(n.diameterMinUm(), n.diameterMaxUm(), n.threshold(), n.widthFraction(), n.cellDiameterUm(), n.threads()));
        assertArrayEquals(d.chunkVoxels(), n.chunkVoxels());
        AxonDensityNodeModel a = model();
        a.settings().channel.setStringValue("th");
        a.settings().atlas.resolutionUm.setDoubleValue(50);
        a.settings().threshold.setStringValue("auto:2");
        a.settings().fibreDiameterMinUm.setDoubleValue(2);
        a.settings().fibreDiameterMaxUm.setDoubleValue(5);
        a.settings().widthFraction.setDoubleValue(0.4);
        a.settings().cellDiameterUm.setDoubleValue(12);
        a.settings().threads.setIntValue(3);
        a.settings().chunkVoxels.setStringValue("96,96,48");
        String xml = SettingsXml.of(a.settings());
        AxonDensityNodeModel b = new AxonDensityNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals("th", b.settings().channelValue());
        assertEquals(50.0, b.settings().atlas.resolutionUm.getDoubleValue());
        FibreSettings f = b.settings().fibreSettings();
        assertEquals(List.of(2.0, 5.0, "auto:2", 0.4, 12.0, 3), List.of(f.diameterMinUm(), f.diameterMaxUm(), f.threshold().toString(), f.widthFraction(),
                f.cellDiameterUm(), f.threads()));
        assertArrayEquals(new int[] {96, 96, 48}, f.chunkVoxels());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    private interface Change {
        void apply(AxonDensityNodeModel m);
    }

    private static void assertMessage(Change change, String part) {
        AxonDensityNodeModel m = model();
        change.apply(m);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(specs(null)));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
