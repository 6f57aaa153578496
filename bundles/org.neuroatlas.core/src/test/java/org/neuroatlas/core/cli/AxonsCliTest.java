package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.fibre.AxonDensityTable;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.volume.TestVolumes;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeWriters;
import org.neuroatlas.core.volume.VoxelSize;

/** {@code neuroatlas axons} end to end on a small volume with one straight fibre, and its one-line errors. */
class AxonsCliTest {

    @TempDir
    Path dir;

    @Test
    void writesTheDocumentedTable() throws Exception {
        VoxelSize v = new VoxelSize(2, 2, 2);
        // one fibre along x through the middle (Gaussian cross-section, σ 1 µm), on a flat background
        Volume<?> vol = TestVolumes.floats(64, 40, 30, v, (x, y, z) -> 100 + 300 * Math.exp(-((y - 20) * (y - 20) * 4 + (z - 15) * (z - 15) * 4) / 2.0)
                + ((x * 7 + y * 13 + z * 29) % 11 - 5));
        Path tif = dir.resolve("sample.tif");
        VolumeWriters.write(vol, tif, Progress.NONE);
        try (Atlas atlas = Atlas.demo(100, Progress.NONE)) {
            AtlasTransform.affine(AffineMap.translation(-8200, -5000, -6300), atlas.identity().key(), new SampleGeometry(new long[] {64, 40, 30}, v, null))
                    .save(dir.resolve("reg").resolve("transform"));
        }
        Path out = dir.resolve("axons.csv");
        CliTest.Result r = CliTest.run("axons", tif.toString(), "--registration", dir.resolve("reg").toString(), "--atlas", "demo", "--out", out.toString(),
                "--quiet", "--threads", "1");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", AxonDensityTable.SCHEMA.names()), lines.get(0));
        String root = lines.stream().filter(l -> l.contains(",root,") && l.contains(",both,")).findFirst().orElseThrow();
        String[] f = root.split(",", -1);
        long fibre = Long.parseLong(f[7]);
        long imaged = Long.parseLong(f[8]);
        assertEquals(64 * 40 * 30, imaged, "every voxel of the sample lies in the brain");
        // the fibre runs 64 voxels: about one to five voxels of its cross-section each
        assertTrue(fibre >= 40 && fibre <= 64 * 6, "fibre voxels " + fibre);
        assertTrue(r.out().contains("wrote"), r.out());
    }

    @Test
    void badDiameterIsAOneLineError() throws Exception {
        CliTest.Result r = CliTest.run("axons", dir.resolve("missing.tif").toString(), "--registration", dir.toString(), "--atlas", "demo", "--out",
                dir.resolve("o.csv").toString(), "--fibre-diameter-um", "3,1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fibre-diameter-um"), r.err());
    }
}
