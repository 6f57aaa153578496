package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.density.RegionCounts;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.stats.DoseComparisonTable;
import org.neuroatlas.core.study.SampleFolder;

/**
 * {@code neuroatlas run} on a tiny simulated cohort (demo atlas at 200 µm, whole brains at 50 µm, 2 per group,
 * linear registration, detection scaled to what 50 µm voxels resolve): every brain's files and the cohort's tables;
 * a second run resumes without redoing anything; a brain whose volume is missing fails alone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RunCliTest {

    @TempDir
    static Path dir;
    static Path cohort;
    static Path out;

    @BeforeAll
    static void simulate() {
        cohort = dir.resolve("cohort");
        CliTest.Result r = CliTest.run("simulate", "--atlas", "demo", "--resolution", "200", "--n-per-group", "2", "--voxel-size", "50,50,50",
                "--no-fibres", "--quiet", "--out", cohort.toString());
        assertEquals(0, r.exit(), r.err());
        out = dir.resolve("run");
    }

    private static CliTest.Result run(Path samples, Path outDir) {
        return CliTest.run("run", "--samples", samples.toString(), "--atlas", "demo", "--resolution", "200", "--linear-only",
                "--cell-diameter-um", "150", "--min-n", "2", "--quiet", "--out", outDir.toString());
    }

    @Test
    @Order(1)
    void aCohortGoesFromVolumesToTheDoseComparisonAndReport() throws Exception {
        CliTest.Result r = run(cohort.resolve("samples.csv"), out);
        assertEquals(0, r.exit(), r.err() + r.out());
        List<String> ids = List.of("saline_01", "saline_02", "ketamine-30_01", "ketamine-30_02", "ketamine-100_01", "ketamine-100_02");
        long rows = 0;
        for (String id : ids) {
            SampleFolder f = SampleFolder.of(out, id);
            assertTrue(Files.isRegularFile(f.cells()), id);
            assertTrue(Files.isRegularFile(f.registration().resolve("transform").resolve("transform.json")), id);
            assertTrue(Files.isRegularFile(f.registration().resolve("quality.json")), id);
            assertTrue(Files.isRegularFile(f.mapped()), id);
            CsvTable counts = CsvTable.read(f.counts());
            assertEquals(Arrays.asList(RegionCounts.SCHEMA.names()), counts.header());
            assertTrue(counts.size() > 0, id + " has no counts");
            rows += counts.size();
            assertTrue(r.out().contains(id), r.out());
        }
        CsvTable all = CsvTable.read(out.resolve("region_counts.csv"));
        assertEquals(rows, all.size());
        CsvTable comparison = CsvTable.read(out.resolve("dose_comparison.csv"));
        assertEquals(Arrays.asList(DoseComparisonTable.SCHEMA.names()), comparison.header());
        assertTrue(comparison.size() > 0);
        assertTrue(Files.isRegularFile(out.resolve("report.html")));
        assertTrue(r.out().contains("ketamine-100 vs saline"), r.out());
    }

    @Test
    @Order(2)
    void aSecondRunKeepsTheFinishedBrains() throws Exception {
        Path cells = SampleFolder.of(out, "saline_01").cells();
        FileTime before = Files.getLastModifiedTime(cells);
        CliTest.Result r = run(cohort.resolve("samples.csv"), out);
        assertEquals(0, r.exit(), r.err() + r.out());
        assertEquals(6, r.out().lines().filter(l -> l.contains("done by an earlier run")).count(), r.out());
        assertEquals(before, Files.getLastModifiedTime(cells));
    }

    @Test
    @Order(3)
    void aBrainThatFailsIsReportedAndTheOthersGoOn() throws Exception {
        String sheet = Files.readString(cohort.resolve("samples.csv")).replace("saline_02/signal", "saline_02/no-such-signal");
        Path broken = cohort.resolve("broken.csv");
        Files.writeString(broken, sheet);
        Path out2 = dir.resolve("run-broken");
        CliTest.Result r = run(broken, out2);
        assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit(), r.out());
        String failed = r.out().lines().filter(l -> l.contains("saline_02")).findFirst().orElseThrow();
        assertTrue(failed.contains("FAILED") && failed.contains("no-such-signal"), failed);
        assertFalse(Files.exists(SampleFolder.of(out2, "saline_02").counts()));
        assertTrue(Files.isRegularFile(SampleFolder.of(out2, "saline_01").counts()));
        assertTrue(r.out().contains("(5 brains in the statistics)"), r.out());
        assertTrue(Files.isRegularFile(out2.resolve("dose_comparison.csv")));
    }

    @Test
    @Order(4)
    void aBadAxonThresholdIsRefusedBeforeAnyWork() throws Exception {
        Path out3 = dir.resolve("run-bad-axons");
        CliTest.Result r = CliTest.run("run", "--samples", cohort.resolve("samples.csv").toString(), "--atlas", "demo", "--axons", "--axon-threshold",
                "often", "--quiet", "--out", out3.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit(), r.out());
        assertTrue(r.err().contains("--axon-threshold"), r.err());
        assertEquals(1, r.err().strip().lines().count(), r.err());
        assertFalse(Files.exists(out3));
    }
}
