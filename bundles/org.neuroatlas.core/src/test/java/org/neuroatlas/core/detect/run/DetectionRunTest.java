package org.neuroatlas.core.detect.run;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.detect.CellTable;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.io.TextTable;
import org.neuroatlas.core.study.VolumeTable;
import org.neuroatlas.core.volume.TestVolumes;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;

/** Detection runs for the CLI and the node: option parsing, volume-table rows, and the rows of both output tables. */
class DetectionRunTest {

    /** Three Gaussian blobs (σ 4 µm) on a background of 100, 60 × 50 × 24 voxels of 2, 2, 5 µm. */
    static Volume<?> blobs(VoxelSize v) {
        double[][] c = {{30, 30, 50}, {80, 60, 60}, {40, 80, 70}};
        return TestVolumes.floats(60, 50, 24, v, (x, y, z) -> {
            double s = 100;
            for (double[] p : c) {
                double d2 = Math.pow(x * 2 - p[0], 2) + Math.pow(y * 2 - p[1], 2) + Math.pow(z * 5 - p[2], 2);
                s += 400 * Math.exp(-d2 / 32);
            }
            return s;
        });
    }

    /** Absolute threshold in band-passed √intensity: the blobs rise from 10 to 22 in √intensity. */
    static final DetectionSettings SETTINGS = DetectionSettings.defaults().withThreshold(Threshold.absolute(0.5)).withThreads(1);

    @Test
    void cellRowsAreTheSampleIdThenTheCellTableAndTheSummaryFitsItsSchema() {
        Volume<?> v = blobs(new VoxelSize(2, 2, 5));
        DetectionRun.Result r = DetectionRun.run("M07", Path.of("/data/M07/signal"), v, SETTINGS, Progress.NONE);
        assertEquals(3, r.detection().cells().size());
        List<String> expected = new ArrayList<>(List.of("sample_id"));
        expected.addAll(List.of(CellTable.SCHEMA.names()));
        assertEquals(expected, List.of(DetectionRun.CELLS.names()));
        List<Object[]> plain = CellTable.rows(r.detection(), r.voxelSizeUm());
        List<Object[]> rows = r.cellRows();
        assertEquals(3, rows.size());
        for (int i = 0; i < rows.size(); i++) {
            DetectionRun.CELLS.check(rows.get(i));
            assertEquals("M07", rows.get(i)[0]);
            assertArrayEquals(plain.get(i), Arrays.copyOfRange(rows.get(i), 1, rows.get(i).length));
        }
        Object[] s = r.summaryRow();
        DetectionRun.SUMMARY.check(s);
        assertEquals("M07", s[0]);
        assertEquals("/data/M07/signal", s[1]);
        assertEquals(3L, s[2]);
        assertEquals(60L * 50 * 24, s[3]);
        assertEquals(0.5, s[6]);
        assertEquals("0.5", s[7]);
        assertEquals(15.0, s[10]);
    }

    @Test
    void aVolumeTableRowOpensItsFileWithTheTablesVoxelSize(@TempDir Path dir) throws Exception {
        // The file says 1,1,1 µm; the table's 2,2,5 wins, as it did in the Volume Reader.
        Path tif = dir.resolve("blobs.tif");
        TiffWriter.writeStack(blobs(VoxelSize.isotropic(1)), tif, Progress.NONE);
        TextTable t = volumeTable(List.of(row("A", "signal", tif.toString(), "2", "2", "5"), row("A", "autofluorescence", "/x/af", "2", "2", "5")));
        List<VolumeRow> rows = VolumeRow.select(t, "signal");
        assertEquals(1, rows.size());
        DetectionRun.Result r = DetectionRun.run(rows.get(0), SETTINGS, Progress.NONE);
        assertEquals(new VoxelSize(2, 2, 5), r.voxelSizeUm());
        assertEquals(3, r.detection().cells().size());
        assertEquals(tif, r.path());
    }

    @Test
    void selectKeepsTheChannelsRowsInOrderAndNamesBadCells() {
        TextTable t = volumeTable(List.of(row("A", "signal", "/a/s", "2", "2", "5"), row("A", "autofluorescence", "/a/af", "2", "2", "5"),
                row("B", "signal", "/b/s", "", "", "")));
        List<VolumeRow> s = VolumeRow.select(t, "signal");
        assertEquals(List.of(new VolumeRow("A", "signal", Path.of("/a/s"), Optional.of(new VoxelSize(2, 2, 5))),
                new VolumeRow("B", "signal", Path.of("/b/s"), Optional.empty())), s);
        InputException none = assertThrows(InputException.class, () -> VolumeRow.select(t, "cfos"));
        assertEquals("volume table: has no row with channel 'cfos' (channels: signal, autofluorescence). Choose one of the table's channels in the "
                + "Channel setting", none.getMessage());
        InputException relative = assertThrows(InputException.class, () -> VolumeRow.select(volumeTable(List.of(row("A", "signal", "a/s", "", "", ""))),
                "signal"));
        assertTrue(relative.getMessage().startsWith("volume table: row 1, column path: 'a/s' is a relative path"), relative.getMessage());
        InputException partial = assertThrows(InputException.class, () -> VolumeRow.select(volumeTable(List.of(row("A", "signal", "/a/s", "2", "", "5"))),
                "signal"));
        assertTrue(partial.getMessage().contains("must be given together"), partial.getMessage());
        InputException negative = assertThrows(InputException.class, () -> VolumeRow.select(volumeTable(List.of(row("A", "signal", "/a/s", "2", "-2",
                "5"))), "signal"));
        assertTrue(negative.getMessage().startsWith("volume table: row 1, column voxel_um_y: must be a positive number"), negative.getMessage());
        InputException columns = assertThrows(InputException.class, () -> VolumeRow.checkColumns(TextTable.of("volume table", List.of("sample_id",
                "path"), null, List.of())));
        assertTrue(columns.getMessage().contains("missing column(s) channel, voxel_um_x, voxel_um_y, voxel_um_z"), columns.getMessage());
    }

    @Test
    void anOrientationColumnIsReadWhenPresentAndNamedWhenBad() {
        List<String> header = List.of("sample_id", "channel", "path", "voxel_um_x", "voxel_um_y", "voxel_um_z", "orientation");
        TextTable t = TextTable.of("volume table", header, null, List.of(List.of("A", "af", "/a/af", "2", "2", "5", "psl"),
                List.of("B", "af", "/b/af", "", "", "", "")));
        List<VolumeRow> rows = VolumeRow.select(t, "af");
        assertEquals(Optional.of(Orientation.parse("psl", "o")), rows.get(0).orientation());
        assertEquals(Optional.of(Orientation.parse("psl", "o")), rows.get(0).readOptions().orientation());
        assertEquals(Optional.empty(), rows.get(1).orientation());
        TextTable bad = TextTable.of("volume table", header, null, List.of(List.of("A", "af", "/a/af", "", "", "", "pxl")));
        InputException e = assertThrows(InputException.class, () -> VolumeRow.select(bad, "af"));
        assertTrue(e.getMessage().startsWith("volume table: row 1, column orientation: 'pxl' is not an orientation code"), e.getMessage());
    }

    @Test
    void typedOptionsParseOrNameTheirParameter() {
        assertArrayEquals(new int[] {64, 32, 16}, DetectionOptions.parseChunkVoxels(" 64, 32 ,16"));
        assertArrayEquals(new int[] {96, 96, 96}, DetectionOptions.parseChunkVoxels("96"));
        assertEquals("256,256,256", DetectionOptions.DEFAULT_CHUNK_VOXELS);
        for (String bad : new String[] {"", "64,64", "a,b,c", "64.5,64,64", null}) {
            InputException e = assertThrows(InputException.class, () -> DetectionOptions.parseChunkVoxels(bad));
            assertTrue(e.getMessage().startsWith("parameter --chunk-voxels: "), e.getMessage());
        }
        assertEquals(Double.NaN, DetectionOptions.parseOptional(" ", "--min-separation-um", Double.NaN));
        assertEquals(4.5, DetectionOptions.parseOptional("4.5", "--min-separation-um", Double.NaN));
        InputException e = assertThrows(InputException.class, () -> DetectionOptions.parseOptional("far", "--min-separation-um", Double.NaN));
        assertTrue(e.getMessage().startsWith("parameter --min-separation-um: 'far' is not a number"), e.getMessage());
        assertEquals(Runtime.getRuntime().availableProcessors(), DetectionOptions.threads(0));
        assertEquals(3, DetectionOptions.threads(3));
    }

    /** A volume table with the Volume Reader's columns (only those detection reads are filled). */
    static TextTable volumeTable(List<List<String>> rows) {
        List<String> header = List.of(VolumeTable.SCHEMA.names());
        List<List<String>> full = new ArrayList<>();
        for (List<String> r : rows) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                int i = List.of(VolumeRow.COLUMNS).indexOf(h);
                cells.add(i < 0 ? "" : r.get(i));
            }
            full.add(cells);
        }
        return TextTable.of("volume table", header, null, full);
    }

    static List<String> row(String id, String channel, String path, String vx, String vy, String vz) {
        return List.of(id, channel, path, vx, vy, vz);
    }
}
