package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code neuroatlas benchmark register}: without elastix it says how to install it and still measures the built-in
 * engine against the true transform. (Both backends together: ElastixRegistrationTest covers elastix's accuracy;
 * the figures themselves are not asserted here.)
 */
class RegisterBenchmarkTest {

    @Test
    void withoutElastixItSaysHowToInstallItAndStillMeasuresTheBuiltInEngine(@TempDir Path empty) {
        CliTest.Result r = CliTest.run("benchmark", "register", "--elastix-search-path", empty.toString(), "--resolution", "200",
                "--threads", "2", "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("simulating: a whole control brain of demo at 50.0 µm, psl, seed 3"), r.out());
        assertTrue(r.out().contains("elastix:    not installed, only the built-in engine is measured. Install it with `sudo apt install elastix`"),
                r.out());
        assertTrue(r.out().contains("builtin:    "), r.out());
        assertTrue(r.out().contains("error vs truth mean "), r.out());
        // the simulated brain's true cells, counted in the ketamine scenario's regions with cell effects
        assertTrue(r.out().contains("true cells mapped, count vs truth (median position error): SNc "), r.out());
        assertTrue(r.out().contains(" MPN "), r.out());
        assertTrue(!r.out().contains("\nelastix:    " + "/"), "elastix not run: " + r.out());
    }

    @Test
    void badIterationsAreRefused() {
        CliTest.Result r = CliTest.run("benchmark", "register", "--elastix-iterations", "abc", "--quiet");
        assertEquals(2, r.exit(), r.out() + r.err());
        assertTrue(r.err().contains("--elastix-iterations"), r.err());
    }
}
