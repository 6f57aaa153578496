package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.study.SampleSheet;

/** {@code neuroatlas simulate}: a tiny cohort, and one-line errors for bad options. */
class SimulateCliTest {

    @Test
    void simulatesATinyCohortThatTheSampleSheetReaderAccepts(@TempDir Path dir) {
        Path out = dir.resolve("cohort");
        CliTest.Result r = CliTest.run("simulate", "--scenario", "null", "--n-per-group", "2", "--voxel-size", "10,10,10", "--crop",
                "box:8200,4600,4500,8400,4800,4700", "--cells-scale", "0.2", "--no-fibres", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("saline_02") && r.out().contains("MB/s"), r.out());
        SampleSheet sheet = SampleSheet.read(out.resolve("samples.csv"));
        assertEquals(6, sheet.samples().size());
        assertTrue(sheet.samples().stream().allMatch(s -> Files.isDirectory(s.channels().get("signal"))));
    }

    @Test
    void badOptionsGiveOneLineErrorsAndNoOutput(@TempDir Path dir) {
        Path out = dir.resolve("cohort");
        CliTest.Result crop = CliTest.run("simulate", "--crop", "VTX", "--out", out.toString(), "--quiet");
        assertEquals(2, crop.exit());
        assertTrue(crop.err().contains("--crop") && crop.err().contains("VTA"), crop.err());
        CliTest.Result voxel = CliTest.run("simulate", "--voxel-size", "0.1,5,5", "--out", out.toString(), "--quiet");
        assertEquals(2, voxel.exit());
        assertTrue(voxel.err().contains("--voxel-size"), voxel.err());
        CliTest.Result scenario = CliTest.run("simulate", "--scenario", "ketamin", "--out", out.toString(), "--quiet");
        assertEquals(2, scenario.exit());
        assertTrue(scenario.err().contains("ketamine"), scenario.err());
        assertFalse(Files.exists(out));
    }
}
