package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.io.CsvTable;

/**
 * {@code neuroatlas demo} end to end with one brain per group (the README runs it with three): the dose comparison
 * of VTA and SNc, the report, and the measured-vs-true lines; a folder that holds other data is refused.
 */
class DemoCliTest {

    @TempDir
    Path dir;

    @Test
    void theDemoWritesTheTableAndTheReportAndSetsThemAgainstTheTruth() throws Exception {
        Path out = dir.resolve("demo");
        CliTest.Result r = CliTest.run("demo", "--out", out.toString(), "--n-per-group", "1", "--quiet");
        assertEquals(0, r.exit(), r.err() + r.out());
        CsvTable comparison = CsvTable.read(out.resolve("dose_comparison.csv"));
        Set<String> regions = new HashSet<>();
        for (int i = 0; i < comparison.size(); i++) {
            regions.add(comparison.get(i, "region"));
        }
        assertEquals(Set.of("VTA", "SNc"), regions);
        assertTrue(Files.size(out.resolve("report.html")) > 10_000);
        assertTrue(r.out().contains("measured vs true change"), r.out());
        assertTrue(r.out().lines().anyMatch(l -> l.trim().startsWith("VTA") && l.contains("ketamine-100 vs saline")), r.out());

        Path other = dir.resolve("other");
        Files.createDirectories(other);
        Files.writeString(other.resolve("notes.txt"), "mine");
        CliTest.Result refused = CliTest.run("demo", "--out", other.toString(), "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, refused.exit());
        assertTrue(refused.err().contains("holds no earlier demo"), refused.err());
        assertTrue(Files.exists(other.resolve("notes.txt")));
    }
}
