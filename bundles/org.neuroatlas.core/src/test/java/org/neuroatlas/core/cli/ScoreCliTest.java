package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.detect.score.MatchTable;
import org.neuroatlas.core.io.CsvTable;

/** {@code neuroatlas score}: the printed scores, the match table, and one-line errors. */
class ScoreCliTest {

    @TempDir
    Path dir;

    private Path csv(String name, String text) throws Exception {
        Path f = dir.resolve(name);
        Files.writeString(f, text);
        return f;
    }

    /** A ground-truth table shaped like the simulator's cells.csv (extra columns around the coordinates). */
    private Path truth() throws Exception {
        return csv("truth.csv", """
                sample_id,cell_id,x_um,y_um,z_um,atlas_x_um,region_id,acronym
                b1,1,10,10,10,1,100,VTA
                b1,2,50,10,10,1,100,VTA
                b1,3,90,10,10,1,100,VTA
                b1,4,130,10,10,1,100,VTA
                """);
    }

    @Test
    void printsTheScoresAndWritesEveryMatchAndMiss() throws Exception {
        // two hits (one 3 µm off in z), one miss (true cell 3), one spurious detection, one hit only with a 10 µm z radius
        Path cells = csv("cells.csv", "x_um,y_um,z_um,score\n10,10,13,0.9\n51,10,10,0.8\n300,300,300,0.1\n130,10,19,0.5\n");
        Path matches = dir.resolve("out/matches.csv");
        CliTest.Result r = CliTest.run("score", "--cells", cells.toString(), "--truth", truth().toString(), "--matches", matches.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("detected:        4 cells"), r.out());
        assertTrue(r.out().contains("true:            4 cells"), r.out());
        assertTrue(r.out().contains("matching:        optimal, radius 7.5 µm\n"), r.out());
        assertTrue(r.out().contains("true positives:  2\n"), r.out());
        assertTrue(r.out().contains("false positives: 2\n"), r.out());
        assertTrue(r.out().contains("false negatives: 2\n"), r.out());
        assertTrue(r.out().contains("precision:       0.5000\n"), r.out());
        assertTrue(r.out().contains("recall:          0.5000\n"), r.out());
        assertTrue(r.out().contains("F1:              0.5000\n"), r.out());
        assertTrue(r.out().contains("localisation:    mean 2.00 µm, median 2.00 µm; mean offset detected - true (x,y,z) 0.50, 0.00, 1.50 µm"), r.out());

        CsvTable t = CsvTable.read(matches);
        assertEquals(List.of(MatchTable.SCHEMA.names()), t.header());
        assertEquals(6, t.size());
        assertEquals("0", t.get(0, "detected_index"));
        assertEquals("0", t.get(0, "true_index"));
        assertEquals("3.0", t.get(0, "distance_um"));
        assertEquals("matched", t.get(0, "status"));
        assertEquals("false_positive", t.get(2, "status"));
        assertEquals("", t.get(2, "true_index"));
        assertEquals("300.0", t.get(2, "x_um"));
        assertEquals("false_negative", t.get(4, "status"));
        assertEquals("2", t.get(4, "true_index"));
        assertEquals("", t.get(4, "detected_index"));
        assertEquals("90.0", t.get(4, "x_um"));

        CliTest.Result z = CliTest.run("score", "--cells", cells.toString(), "--truth", truth().toString(), "--z-radius-um", "10", "--rule", "greedy");
        assertEquals(0, z.exit(), z.err());
        assertTrue(z.out().contains("matching:        greedy, radius 7.5 µm, z radius 10 µm"), z.out());
        assertTrue(z.out().contains("true positives:  3\n"), z.out());
    }

    @Test
    void emptyDetectionsScoreWithoutNaN() throws Exception {
        Path cells = csv("none.csv", "x_um,y_um,z_um\n");
        CliTest.Result r = CliTest.run("score", "--cells", cells.toString(), "--truth", truth().toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("precision:       1.0000"), r.out());
        assertTrue(r.out().contains("recall:          0.0000"), r.out());
        assertTrue(r.out().contains("localisation:    n/a"), r.out());
        assertFalse(r.out().contains("NaN"), r.out());
    }

    @Test
    void badInputEndsWithOneLineAndExitCode2() throws Exception {
        Path bad = csv("bad.csv", "x_um,y_um,z_um\n1,2,3\n1,nan,3\n");
        Path matches = dir.resolve("m.csv");
        CliTest.Result r = CliTest.run("score", "--cells", bad.toString(), "--truth", truth().toString(), "--matches", matches.toString());
        assertEquals(NeuroAtlasCli.EXIT_INPUT, r.exit());
        assertEquals("error: " + bad + ": line 3, column y_um: 'nan' is not a finite number. Remove the cell or give its position in µm", r.err().strip());
        assertFalse(Files.exists(matches));

        CliTest.Result radius = CliTest.run("score", "--cells", truth().toString(), "--truth", truth().toString(), "--radius-um", "0");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, radius.exit());
        assertTrue(radius.err().startsWith("error: parameter --radius-um: must be a positive number"), radius.err());
        assertEquals(1, radius.err().strip().lines().count(), radius.err());

        CliTest.Result rule = CliTest.run("score", "--cells", truth().toString(), "--truth", truth().toString(), "--rule", "hungarian");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, rule.exit());
        assertTrue(rule.err().contains("--rule") && rule.err().contains("optimal or greedy"), rule.err());

        CliTest.Result help = CliTest.run("score", "--help");
        assertEquals(0, help.exit());
        assertTrue(help.out().contains("--z-radius-um"), help.out());
    }
}
