package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

/** The shared parts of {@link RegistrationRun} that the CLI and node tests do not reach: sample folders, quality JSON, settings. */
class RegistrationRunTest {

    @Test
    void sampleFoldersStayInsideTheOutputFolder() {
        Path out = Path.of("/data/regs");
        assertEquals(out.resolve("saline_01"), RegistrationRun.sampleFolder(out, "saline_01"));
        assertEquals(out.resolve("brain 7"), RegistrationRun.sampleFolder(out, " brain 7 "));
        for (String bad : new String[] {"", " ", ".", "..", "a/b", "../x", "a\\b"}) {
            InputException e = assertThrows(InputException.class, () -> RegistrationRun.sampleFolder(out, bad), bad);
            assertTrue(e.getMessage().startsWith("sample id '" + bad + "' cannot name a registration folder"), e.getMessage());
        }
    }

    @Test
    void aFigureIsAddedAsTheLastMember() {
        assertEquals("{\n  \"a\": 1,\n  \"nccWarpedToAtlas\": 0.5\n}\n", RegistrationRun.withFigure("{\n  \"a\": 1\n}\n", "nccWarpedToAtlas", 0.5));
        assertEquals("{\n  \"a\": 1,\n  \"x\": null\n}\n", RegistrationRun.withFigure("{\n  \"a\": 1\n}\n", "x", Double.NaN));
    }

    @Test
    void threadsMustBePositive() {
        InputException e = assertThrows(InputException.class, () -> new RegistrationRun.Settings(0, true, false, RegistrationRun.Backend.BUILTIN));
        assertTrue(e.getMessage().startsWith("parameter --threads: must be at least 1"), e.getMessage());
        InputException linear = assertThrows(InputException.class, () -> new RegistrationRun.Settings(1, true, true, RegistrationRun.Backend.ELASTIX));
        assertTrue(linear.getMessage().contains("--linear-only"), linear.getMessage());
        assertEquals(RegistrationRun.Backend.ELASTIX, RegistrationRun.Backend.parse(" Elastix ", "--backend"));
        InputException bad = assertThrows(InputException.class, () -> RegistrationRun.Backend.parse("ants", "--backend"));
        assertTrue(bad.getMessage().contains("'ants' is not a registration backend"), bad.getMessage());
        assertEquals(RegistrationRun.SUMMARY.size(), 10);
    }

    @Test
    void concernsNameWhatLooksWrong() {
        assertEquals(List.of(), RegistrationRun.concerns(0.31, 0.62, 0));
        var worse = RegistrationRun.concerns(0.40, 0.38, 0);
        assertEquals(1, worse.size());
        assertTrue(worse.get(0).contains("did not improve (NCC 0.400 before, 0.380 after)"), worse.get(0));
        var folded = RegistrationRun.concerns(0.31, 0.62, 12);
        assertEquals(List.of("the warp folds at 12 grid node(s): cells there may map to the wrong region"), folded);
        // NaN (e.g. an empty overlap) is a concern, not a pass.
        assertEquals(1, RegistrationRun.concerns(0.3, Double.NaN, 0).size());
        // A poor start that stays poor is a concern; a brain already in place that stays in place is not.
        assertEquals(1, RegistrationRun.concerns(0.40, 0.405, 0).size());
        assertEquals(List.of(), RegistrationRun.concerns(0.99996, 0.99993, 0));
        assertEquals(1, RegistrationRun.concerns(0.99, 0.95, 0).size(), "worse than the start");
    }
}
