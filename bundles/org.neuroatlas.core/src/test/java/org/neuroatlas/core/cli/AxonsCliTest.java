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

    /**
     * A simulated striatum crop at 2 µm (CP and ACB, 4 % fibre volume): the fibre fraction of CP within 10 % of the
     * simulator's rendered truth; and a fibre-free crop of the cell-dense VTA/SNc: almost no fibre.
     */
    @Test
    void matchesTheSimulatedTruth() throws Exception {
        Path cohort = dir.resolve("cp");
        CliTest.Result sim = CliTest.run("simulate", "--atlas", "demo", "--scenario", "null", "--n-per-group", "1", "--out", cohort.toString(),
                "--voxel-size", "2,2,2", "--crop", "box:4800,5100,7400,5000,5300,7600", "--seed", "3");
        assertEquals(0, sim.exit(), sim.err());
        Path brain = cohort.resolve("saline_01");
        Path out = dir.resolve("cp.csv");
        CliTest.Result r = CliTest.run("axons", brain.resolve("signal").toString(), "--registration", brain.toString(), "--atlas", "demo", "--out",
                out.toString(), "--quiet", "--sample-id", "saline_01");
        assertEquals(0, r.exit(), r.err());
        double truth = value(cohort.resolve("ground_truth_regions.csv"), ",CP,", 5, 12);
        double measured = value(out, ",CP,", 6, 10);
        assertTrue(truth > 0.02, "truth " + truth);
        assertEquals(truth, measured, 0.1 * truth, "CP fibre fraction, truth " + truth);

        Path empty = dir.resolve("vta");
        sim = CliTest.run("simulate", "--atlas", "demo", "--scenario", "null", "--n-per-group", "1", "--out", empty.toString(), "--voxel-size", "2,2,2",
                "--crop", "box:8300,5150,6350,8450,5300,6500", "--seed", "5", "--no-fibres");
        assertEquals(0, sim.exit(), sim.err());
        brain = empty.resolve("saline_01");
        out = dir.resolve("vta.csv");
        r = CliTest.run("axons", brain.resolve("signal").toString(), "--registration", brain.toString(), "--atlas", "demo", "--out", out.toString(),
                "--quiet", "--sample-id", "saline_01");
        assertEquals(0, r.exit(), r.err());
        double none = value(out, ",root,", 6, 10);
        // VTA's simulated fibre fraction is 0.002: a hundredth of it at most
        assertTrue(none < 2e-5, "fibre fraction without fibres: " + none);
    }

    /** Column {@code column} of the first saline_01 row whose text contains {@code key} and whose column {@code sideColumn} is both. */
    private static double value(Path csv, String key, int sideColumn, int column) throws Exception {
        for (String line : Files.readAllLines(csv)) {
            String[] f = line.split(",", -1);
            if (line.startsWith("saline_01,") && line.contains(key) && f.length > column && f[sideColumn].equals("both")) {
                return Double.parseDouble(f[column]);
            }
        }
        throw new AssertionError("no row " + key + " in " + csv);
    }

    @Test
    void badDiameterIsAOneLineError() throws Exception {
        CliTest.Result r = CliTest.run("axons", dir.resolve("missing.tif").toString(), "--registration", dir.toString(), "--atlas", "demo", "--out",
                dir.resolve("o.csv").toString(), "--fibre-diameter-um", "3,1");
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("--fibre-diameter-um"), r.err());
    }
}
