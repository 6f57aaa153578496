package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.detect.CellTable;
import org.neuroatlas.core.detect.DetectionSettings;
import org.neuroatlas.core.detect.score.CellMatching;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.detect.score.Score;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.volume.VoxelSize;
import org.neuroatlas.core.volume.tiff.TiffWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code neuroatlas detect}: the cells CSV on a small volume of known blobs, atomic output, and one-line errors. */
class DetectCliTest {

    @TempDir
    static Path dir;
    /** A multi-page TIFF (voxel size in its ImageJ metadata) of 32 soma-like blobs, and their true centres. */
    static Path stack;
    static CellPositions planted;

    @BeforeAll
    static void writeBlobs() throws IOException {
        SyntheticVolume.Blobs blobs = new SyntheticVolume.Blobs(new long[] {64, 64, 32}, VoxelSize.isotropic(5));
        double[][] c = blobs.centresUm();
        planted = CellPositions.of(c[0], c[1], c[2]);
        stack = dir.resolve("blobs.tif");
        TiffWriter.writeStack(blobs.volume(), stack, Progress.NONE);
    }

    @Test
    void writesOneRowPerBlobWithTheCellTableColumnsAndPrintsASummary() throws IOException {
        assertTrue(planted.size() >= 20, planted.size() + " blobs");
        Path out = dir.resolve("out/cells.csv");
        CliTest.Result r = CliTest.run("detect", stack.toString(), "--out", out.toString(), "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().startsWith("cells:      " + planted.size() + " in " + stack + " (64 × 64 × 32 voxels at 5,5,5 µm)\n"), r.out());
        assertTrue(r.out().contains("threshold:  ") && r.out().contains("(auto:12: median "), r.out());
        assertTrue(r.out().contains("Mvoxel/s (2 threads, chunks 64,32,32 voxels)"), r.out());
        assertTrue(r.out().endsWith("wrote " + out + "\n"), r.out());

        CsvTable t = CsvTable.read(out);
        assertEquals(List.of(CellTable.SCHEMA.names()), t.header());
        assertEquals(planted.size(), t.size());
        double[][] xyz = new double[3][t.size()];
        for (int i = 0; i < t.size(); i++) {
            for (int d = 0; d < 3; d++) {
                double um = Double.parseDouble(t.get(i, "xyz".charAt(d) + "_um"));
                double vox = Double.parseDouble(t.get(i, "xyz".charAt(d) + "_vox"));
                assertEquals(vox * 5, um, 1e-9, "µm = voxels × voxel size");
                xyz[d][i] = um;
            }
            assertTrue(Double.parseDouble(t.get(i, "peak")) > Double.parseDouble(t.get(i, "background")), "row " + i);
            assertTrue(Long.parseLong(t.get(i, "volume_vox")) > 0, "row " + i);
            if (i > 0) {
                // rows are ordered by seed plane; a centre lies within a voxel or so of its seed
                assertTrue(xyz[2][i] >= xyz[2][i - 1] - 10, "row " + i + " in plane order");
            }
        }
        Score s = CellMatching.match(CellPositions.of(xyz[0], xyz[1], xyz[2]), planted, CellMatching.Tolerance.isotropic(2.5)).score();
        assertEquals(1.0, s.f1(), s.toString());

        // Threads and chunks change nothing, down to the byte, also through the command line.
        Path again = dir.resolve("out/cells-1-thread.csv");
        assertEquals(0, CliTest.run("detect", stack.toString(), "--out", again.toString(), "--threads", "1", "--chunk-voxels", "16,24,8",
                "--quiet").exit());
        assertArrayEquals(Files.readAllBytes(out), Files.readAllBytes(again));
    }

    @Test
    void filtersAndAbsoluteThresholdReachTheDetector() throws IOException {
        Path out = dir.resolve("filtered.csv");
        // Every blob's segment has more than one voxel (125 µm³), so this volume filter drops them all.
        CliTest.Result r = CliTest.run("detect", stack.toString(), "--out", out.toString(), "--max-volume-um3", "125", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertEquals(0, CsvTable.read(out).size());
        CliTest.Result abs = CliTest.run("detect", stack.toString(), "--out", out.toString(), "--threshold", "1e9", "--quiet");
        assertEquals(0, abs.exit(), abs.err());
        assertTrue(abs.out().contains("threshold:  1.000e+09 (absolute)"), abs.out());
        assertEquals(0, CsvTable.read(out).size());
    }

    @Test
    void badParametersNameTheParameterInOneLineAndWriteNothing() {
        Path out = dir.resolve("bad/cells.csv");
        String[][] cases = {{"--cell-diameter-um", "0"}, {"--threshold", "high"}, {"--threshold", "auto:-1"}, {"--chunk-voxels", "64,64"},
            {"--chunk-voxels", "2,64,64"}, {"--segmentation-fraction", "1.5"}, {"--min-separation-um", "-1"}, {"--min-volume-um3", "-5"},
            {"--max-volume-um3", "0"}, {"--min-peak-above-background", "-1"}, {"--threads", "0"}, {"--voxel-size", "5,5"}};
        for (String[] c : cases) {
            CliTest.Result r = CliTest.run("detect", stack.toString(), "--out", out.toString(), c[0], c[1], "--quiet");
            assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit(), String.join(" ", c) + ": " + r.err());
            assertTrue(r.err().startsWith("error: parameter " + c[0] + ": "), String.join(" ", c) + ": " + r.err());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
        CliTest.Result folder = CliTest.run("detect", stack.toString(), "--out", dir.toString(), "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, folder.exit());
        assertTrue(folder.err().startsWith("error: parameter --out: " + dir + " is a folder"), folder.err());
        CliTest.Result missing = CliTest.run("detect", dir.resolve("nope.tif").toString(), "--out", out.toString(), "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, missing.exit());
        assertTrue(missing.err().startsWith("error: " + dir.resolve("nope.tif") + ": does not exist"), missing.err());
        assertFalse(Files.exists(out), "no output for bad input");
    }

    @Test
    void aReadErrorMidwayLeavesNoPartialFileAndKeepsTheEarlierOne() throws IOException {
        // A plane series whose last plane is cut short: the header (first plane) is fine, reading the voxels fails.
        Path planes = dir.resolve("truncated");
        TiffWriter.writeSeries(new SyntheticVolume.Blobs(new long[] {64, 64, 32}, VoxelSize.isotropic(5)).volume(), planes, "ch0", Progress.NONE);
        Path last;
        try (Stream<Path> s = Files.list(planes)) {
            last = s.sorted().reduce((a, b) -> b).orElseThrow();
        }
        try (FileChannel ch = FileChannel.open(last, StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        Path folder = dir.resolve("earlier");
        Path out = folder.resolve("cells.csv");
        Files.createDirectories(folder);
        Files.writeString(out, "an earlier result\n");
        CliTest.Result r = CliTest.run("detect", planes.toString(), "--out", out.toString(), "--voxel-size", "5,5,5", "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit(), r.out() + r.err());
        assertTrue(r.err().startsWith("error: ") && r.err().contains(planes.toString()), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("an earlier result\n", Files.readString(out));
        try (Stream<Path> s = Files.list(folder)) {
            assertEquals(List.of(out), s.toList(), "no temporary file left behind");
        }
    }

    @Test
    void defaultsAreTheEngineDefaultsAndTheHelpNamesTheColumns() {
        DetectCommand cmd = new DetectCommand();
        new CommandLine(cmd).parseArgs("in.tif", "--out", "cells.csv");
        assertEquals(DetectionSettings.defaults(), cmd.detect.settings());
        String description = String.join(" ", DetectCommand.class.getAnnotation(Command.class).description());
        assertTrue(description.contains(String.join(",", CellTable.SCHEMA.names())), description);
        CliTest.Result help = CliTest.run("detect", "--help");
        assertEquals(0, help.exit());
        for (String option : new String[] {"--voxel-size", "--channel", "--cell-diameter-um", "--threshold", "--min-separation-um", "--min-volume-um3",
            "--max-volume-um3", "--min-peak-above-background", "--segmentation-fraction", "--threads", "--chunk-voxels", "--out"}) {
            assertTrue(help.out().contains(option), option);
        }
    }
}
