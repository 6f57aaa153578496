package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.CsvTableWriter;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The cell table is byte-identical whatever the chunk size and thread count: on a small simulated crop (anisotropic
 * voxels, fibres on, cells dense enough that chunk borders cut through many of them).
 */
class CellDetectorExactnessTest {

    @TempDir
    static Path dir;
    static Path signal;

    @BeforeAll
    static void simulate() throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(4, 4, 5),
                Orientation.parse("psl", "o"), 3, "box:8200,4600,4500,8500,4900,4800", 1, true, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        signal = c.folder().resolve(c.brains().get(0).sampleId()).resolve("signal");
    }

    static byte[] csv(Volume<?> v, DetectionSettings s, String name) throws IOException {
        Detection d = CellDetector.detect(v, s, Progress.NONE);
        Path f = dir.resolve(name + ".csv");
        CsvTableWriter.write(f, CellTable.SCHEMA, CellTable.rows(d, v.voxelSizeUm()));
        System.out.printf("%s: %d cells, threshold %s, %.1f Mvoxel/s%n", name, d.cells().size(), d.threshold(), d.megavoxelsPerSecond());
        return Files.readAllBytes(f);
    }

    @Test
    void sameTableForAnyChunkSizeAndThreadCount() throws IOException {
        try (Volume<?> v = Volumes.open(signal, ReadOptions.defaults())) {
            System.out.println("volume " + v);
            DetectionSettings base = DetectionSettings.defaults();
            byte[] whole = csv(v, base.withChunkVoxels(4096, 4096, 4096).withThreads(1), "whole");
            long lines = new String(whole).lines().count() - 1;
            assertTrue(lines > 100, lines + " cells");
            // odd sizes that do not divide the volume, thinner than a cell along z, and the default
            assertArrayEquals(whole, csv(v, base.withChunkVoxels(37, 29, 7).withThreads(2), "37x29x7"));
            assertArrayEquals(whole, csv(v, base.withChunkVoxels(16, 64, 11).withThreads(1), "16x64x11"));
            assertArrayEquals(whole, csv(v, base.withChunkVoxels(50, 13, 40).withThreads(2), "50x13x40"));
            assertArrayEquals(whole, csv(v, base.withThreads(2), "default-2-threads"));
            // an absolute threshold takes the same path without the sampled statistics
            DetectionSettings abs = base.withThreshold(Threshold.absolute(20));
            assertArrayEquals(csv(v, abs.withChunkVoxels(4096, 4096, 4096).withThreads(1), "abs-whole"),
                    csv(v, abs.withChunkVoxels(23, 31, 9).withThreads(2), "abs-23x31x9"));
        }
    }
}
