package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.SharedData;

import picocli.CommandLine;

/** The command line as a user meets it: output, exit codes, and errors without stack traces. */
class CliTest {

    @TempDir
    Path dir;

    record Result(int exit, String out, String err) {
    }

    static Result run(String... args) {
        CommandLine cl = NeuroAtlasCli.commandLine();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void runningOutOfMemorySaysHowToGiveTheJvmMore() {
        String m = NeuroAtlasCli.outOfMemoryMessage(6_000_000_000L);
        assertTrue(m.startsWith("error: out of memory (the Java heap may use 6.0 GB)"), m);
        assertTrue(m.contains("NEUROATLAS_JAVA_OPTS=-Xmx12g"), m);
        assertTrue(m.contains("--resolution"), m);
    }

    @Test
    void infoReportsTheAtlasAndThePlaneSeries() {
        Result r = run("info", SharedData.atlas("annotation_25.nrrd").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("528 × 320 × 456 voxels"), r.out());
        assertTrue(r.out().contains("uint32"), r.out());
        assertTrue(r.out().contains("25,25,25 µm"), r.out());
        Result s = run("info", SharedData.testdata("cellfinder_detection_crop/crop_planes/ch0").toString());
        assertEquals(0, s.exit(), s.err());
        assertTrue(s.out().contains("667 × 510 × 30 voxels"), s.out());
        assertTrue(s.out().contains("uint16"), s.out());
        assertTrue(s.out().contains("unknown — give it with --voxel-size"), s.out());
    }

    @Test
    void badInputEndsWithOneLineNamingTheProblemAndExitCode2() throws Exception {
        Result missing = run("info", dir.resolve("nope.tif").toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, missing.exit());
        assertTrue(missing.err().startsWith("error: " + dir.resolve("nope.tif")), missing.err());
        assertEquals(1, missing.err().strip().lines().count(), "one line, no stack trace: " + missing.err());

        Path garbage = dir.resolve("garbage.tif");
        Files.writeString(garbage, "this is not a TIFF");
        Result corrupt = run("info", garbage.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, corrupt.exit());
        assertTrue(corrupt.err().contains("garbage.tif"), corrupt.err());
        assertFalse(corrupt.err().contains("\tat "), corrupt.err());

        Result noVoxel = run("convert", SharedData.testdata("cellfinder_detection_crop/crop_planes/ch0").toString(), dir.resolve("o.nrrd").toString(),
                "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, noVoxel.exit());
        assertTrue(noVoxel.err().contains("--voxel-size"), noVoxel.err());
        assertFalse(Files.exists(dir.resolve("o.nrrd")));

        Result badVoxel = run("info", garbage.toString(), "--voxel-size", "2,2");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, badVoxel.exit());
        assertTrue(badVoxel.err().contains("parameter --voxel-size"), badVoxel.err());
    }

    @Test
    void convertWritesTheDownsampledReorientedVolume() {
        Path out = dir.resolve("ds.nrrd");
        Result r = run("convert", SharedData.testdata("brainreg_whole_brain/brain").toString(), out.toString(), "--voxel-size", "40,40,50",
                "--orientation", "psl", "--target-voxel-um", "100", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("135 × 77 × 108"), r.out()); // rsa: x = AP (135), y = DV (77), z = LR (108)
        Result info = run("info", out.toString());
        assertTrue(info.out().contains("135 × 77 × 108 voxels"), info.out());
        assertTrue(info.out().contains("100,100,100 µm"), info.out());
        assertTrue(info.out().contains("rsa"), info.out());
    }

    @Test
    void everyCommandHasHelpAndThereIsAVersion() {
        for (String[] cmd : new String[][] {{"--help"}, {"info", "--help"}, {"convert", "--help"}, {"benchmark", "read", "--help"}}) {
            Result r = run(cmd);
            assertEquals(0, r.exit(), String.join(" ", cmd));
            assertTrue(r.out().contains("Usage:"), r.out());
        }
        Result v = run("--version");
        assertTrue(v.out().startsWith("NeuroAtlas "), v.out());
    }
}
