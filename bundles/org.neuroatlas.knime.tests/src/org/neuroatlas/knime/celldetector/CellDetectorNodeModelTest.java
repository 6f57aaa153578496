package org.neuroatlas.knime.celldetector;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTable;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.def.StringCell;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeSettings;
import org.neuroatlas.knime.tests.SettingsXml;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.detect.run.DetectionRun;
import org.neuroatlas.core.detect.run.VolumeRow;
import org.neuroatlas.core.io.TableSchema;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;
import org.neuroatlas.knime.cohortsimulator.TinyCohort;
import org.neuroatlas.knime.common.KnimeProgress;
import org.neuroatlas.knime.common.KnimeTables;

/** The Cell Detector node inside OSGi: specs at configure, detection of a volume table's samples, settings checks, cancel. */
class CellDetectorNodeModelTest {

    static Path blobs;

    /** Three Gaussian blobs (σ 4 µm) on a background of 100: 24 planes of 60 × 50 uint16 at 2, 2, 5 µm. */
    @BeforeAll
    static void writeBlobs() throws Exception {
        blobs = Files.createTempDirectory("cell-detector").resolve("blobs");
        Files.createDirectories(blobs);
        double[][] c = {{30, 30, 50}, {80, 60, 60}, {40, 80, 70}};
        for (int z = 0; z < 24; z++) {
            short[] plane = new short[60 * 50];
            for (int y = 0; y < 50; y++) {
                for (int x = 0; x < 60; x++) {
                    double s = 100;
                    for (double[] p : c) {
                        s += 400 * Math.exp(-(Math.pow(x * 2 - p[0], 2) + Math.pow(y * 2 - p[1], 2) + Math.pow(z * 5 - p[2], 2)) / 32);
                    }
                    plane[y * 60 + x] = (short) Math.round(s);
                }
            }
            TiffWriter.writePlane(blobs.resolve(TiffWriter.seriesFileName("signal", z, 24)), plane, 60, 50, PixelType.UINT16, new VoxelSize(2, 2, 5));
        }
    }

    /** The Volume Reader's output for samples A (signal, autofluorescence) and B (signal), as a KNIME table. */
    static DataTable volumeTable() {
        List<Object[]> rows = new ArrayList<>();
        var header = Volumes.readHeader(blobs, ReadOptions.defaults());
        rows.add(VolumeTable.row("A", "saline", 0, "signal", header));
        rows.add(VolumeTable.row("A", "saline", 0, "autofluorescence", header));
        rows.add(VolumeTable.row("B", "ketamine-30", 30, "signal", header));
        return TinyCohort.table(KnimeTables.spec(VolumeTable.SCHEMA), VolumeTable.SCHEMA, rows);
    }

    static CellDetectorNodeModel model() {
        CellDetectorNodeModel m = new CellDetectorNodeModel();
        m.settings().thresholdMode.setStringValue(CellDetectorNodeSettings.ABSOLUTE);
        m.settings().thresholdValue.setDoubleValue(0.5); // band-passed √intensity: the blobs rise from 10 to 22
        m.settings().threads.setIntValue(2);
        return m;
    }

    private static void assertSpec(TableSchema schema, DataTableSpec spec) {
        assertEquals(List.of(schema.names()), List.of(spec.getColumnNames()));
    }

    @Test
    void configureGivesTheCellsAndSummarySpecsAndChecksTheInputColumns() throws Exception {
        CellDetectorNodeModel m = model();
        DataTableSpec[] specs = m.configure(new DataTableSpec[] {KnimeTables.spec(VolumeTable.SCHEMA)});
        assertEquals(2, specs.length);
        assertSpec(DetectionRun.CELLS, specs[0]);
        assertSpec(DetectionRun.SUMMARY, specs[1]);
        assertEquals("sample_id", specs[0].getColumnSpec(0).getName());
        DataTableSpec noChannel = new DataTableSpec(new DataColumnSpecCreator("sample_id", StringCell.TYPE).createSpec(),
                new DataColumnSpecCreator("path", StringCell.TYPE).createSpec());
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[] {noChannel}));
        assertTrue(e.getMessage().startsWith("volume table (input port): missing column(s) channel, voxel_um_x, voxel_um_y, voxel_um_z"),
                e.getMessage());
    }

    @Test
    void detectsEverySampleOfTheChannelWithTheEnginesRows() throws Exception {
        CellDetectorNodeModel m = model();
        List<Object[]> cells = new ArrayList<>();
        List<Object[]> summary = new ArrayList<>();
        assertEquals(2, m.detect(volumeTable(), Progress.NONE, cells::add, summary::add));
        assertEquals(List.of("A", "B"), summary.stream().map(r -> r[0]).toList());
        for (Object[] s : summary) {
            DetectionRun.SUMMARY.check(s);
            assertEquals(blobs.toString(), s[1]);
            assertEquals(3L, s[2]);
            assertEquals(60L * 50 * 24, s[3]);
            assertEquals(0.5, s[6]);
            assertEquals("0.5", s[7]);
        }
        // Exactly what the CLI's detection gives for the file, after sample_id, sample by sample.
        DetectionSettings engine = DetectionSettings.defaults().withThreshold(Threshold.absolute(0.5)).withThreads(1);
        List<Object[]> expected = new ArrayList<>();
        for (String id : List.of("A", "B")) {
            expected.addAll(DetectionRun.run(new VolumeRow(id, "signal", blobs, java.util.Optional.of(new VoxelSize(2, 2, 5))), engine, Progress.NONE)
                    .cellRows());
        }
        assertEquals(6, cells.size());
        for (int i = 0; i < cells.size(); i++) {
            DetectionRun.CELLS.check(cells.get(i));
            assertArrayEquals(expected.get(i), cells.get(i), "row " + i);
        }
        // The rows fit the configure-time spec cell by cell (the container checks types).
        TinyCohort.table(KnimeTables.spec(DetectionRun.CELLS), DetectionRun.CELLS, cells);
        TinyCohort.table(KnimeTables.spec(DetectionRun.SUMMARY), DetectionRun.SUMMARY, summary);
    }

    @Test
    void anUnknownChannelListsTheTablesChannels() {
        CellDetectorNodeModel m = model();
        m.settings().channel.setStringValue("cfos");
        InputException e = assertThrows(InputException.class, () -> m.detect(volumeTable(), Progress.NONE, r -> { }, r -> { }));
        assertEquals("volume table (input port): has no row with channel 'cfos' (channels: signal, autofluorescence). Choose one of the table's "
                + "channels in the Channel setting", e.getMessage());
    }

    @Test
    void badSettingsAreRejectedWithTheCliParameterName() throws Exception {
        assertMessage(m -> m.settings().cellDiameterUm.setDoubleValue(0), "parameter --cell-diameter-um: must be between 1 and 500 µm");
        assertMessage(m -> m.settings().chunkVoxels.setStringValue("64,64"), "parameter --chunk-voxels: '64,64' is not a chunk size");
        assertMessage(m -> m.settings().minSeparationUm.setStringValue("far"), "parameter --min-separation-um: 'far' is not a number");
        assertMessage(m -> m.settings().maxVolumeUm3.setDoubleValue(-1), "parameter --max-volume-um3");
        assertMessage(m -> m.settings().segmentationFraction.setDoubleValue(1), "parameter --segmentation-fraction");
        assertMessage(m -> {
            m.settings().thresholdMode.setStringValue(CellDetectorNodeSettings.AUTO);
            m.settings().thresholdValue.setDoubleValue(0);
        }, "parameter --threshold");
        assertMessage(m -> m.settings().thresholdMode.setStringValue("sometimes"), "Threshold mode must be 'auto' or 'absolute'");
        assertMessage(m -> m.settings().channel.setStringValue(" "), "Give the channel");
        // Validation of would-be settings (what KNIME does before applying a dialog or a workflow's settings).
        CellDetectorNodeModel bad = model();
        bad.settings().chunkVoxels.setStringValue("2,2,2");
        NodeSettings s = new NodeSettings("model");
        bad.settings().saveSettingsTo(s);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> model().settings().validateSettings(s));
        assertTrue(e.getMessage().contains("--chunk-voxels"), e.getMessage());
    }

    @Test
    void cancelStopsTheDetection() {
        CellDetectorNodeModel m = model();
        ExecutionMonitor exec = new ExecutionMonitor();
        exec.getProgressMonitor().setExecuteCanceled();
        assertThrows(CanceledExecutionException.class, () -> KnimeProgress.run(exec, p -> m.detect(volumeTable(), p, r -> { }, r -> { })));
    }

    @Test
    void defaultsAreTheCliDefaultsAndNonDefaultsRoundTrip() throws Exception {
        assertEquals(DetectionSettings.defaults(), new CellDetectorNodeModel().settings().detectionSettings());
        CellDetectorNodeModel a = model();
        a.settings().channel.setStringValue("cfos");
        a.settings().cellDiameterUm.setDoubleValue(12);
        a.settings().minSeparationUm.setStringValue("4");
        a.settings().minVolumeUm3.setDoubleValue(200);
        a.settings().maxVolumeUm3.setDoubleValue(5000);
        a.settings().minPeakAboveBackground.setDoubleValue(30);
        a.settings().segmentationFraction.setDoubleValue(0.4);
        a.settings().threads.setIntValue(3);
        a.settings().chunkVoxels.setStringValue("96,96,48");
        String xml = SettingsXml.of(a.settings());
        CellDetectorNodeModel b = new CellDetectorNodeModel();
        SettingsXml.load(xml, b.settings());
        assertEquals("cfos", b.settings().channelValue());
        assertEquals(new DetectionSettings(12, Threshold.absolute(0.5), 4, 200, 5000, 30, 0.4, 3, new int[] {96, 96, 48}),
                b.settings().detectionSettings());
        assertEquals(xml, SettingsXml.of(b.settings()));
    }

    private interface Change {
        void apply(CellDetectorNodeModel m);
    }

    private static void assertMessage(Change change, String part) {
        CellDetectorNodeModel m = model();
        change.apply(m);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> m.configure(new DataTableSpec[] {KnimeTables.spec(
                VolumeTable.SCHEMA)}));
        assertTrue(e.getMessage().contains(part), e.getMessage());
    }
}
