package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code neuroatlas benchmark stats} prints both halves of the calibration bar (the figures are CalibrationTest's business). */
class StatsBenchmarkTest {

    @Test
    void printsTheNullFdpAndThePowerPerRegionAndContrast() {
        CliTest.Result r = CliTest.run("benchmark", "stats", "--cohorts", "20", "--seed", "5");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("6 brains per group, 20 cohorts per scenario, seeds 5..24"), r.out());
        assertTrue(r.out().contains("null:     mean false-discovery proportion "), r.out());
        assertTrue(r.out().contains("ketamine: DMH   ketamine-30 vs saline    true effect 1.20  power "), r.out());
        assertTrue(r.out().contains("ketamine: minimum power "), r.out());
    }

    @Test
    void tooFewCohortsAreRefused() {
        CliTest.Result r = CliTest.run("benchmark", "stats", "--cohorts", "1");
        assertNotEquals(0, r.exit(), r.out());
        assertTrue(r.err().contains("--cohorts"), r.err());
    }
}
