package org.neuroatlas.knime.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.knime.core.node.InvalidSettingsException;
import org.neuroatlas.core.InputException;

/** Path settings: absolute paths pass, the rest is refused naming the setting; KNIME URLs wait for a running workflow. */
class KnimePathsTest {

    @Test
    void absolutePathsPassAndOthersAreRefusedByName() {
        Path abs = Path.of("/data/brains/samples.csv").toAbsolutePath();
        assertEquals(abs, KnimePaths.absolute("  " + abs + " ", "Path", "choose one"));
        assertEquals("choose one", assertThrows(InputException.class, () -> KnimePaths.absolute(" ", "Path", "choose one")).getMessage());
        String relative = assertThrows(InputException.class, () -> KnimePaths.absolute("data/samples.csv", "Path", "x")).getMessage();
        assertTrue(relative.startsWith("Path must be an absolute path or a knime:// URL"), relative);
        InvalidSettingsException e = assertThrows(InvalidSettingsException.class, () -> KnimePaths.setting("rel", "Output folder", "x"));
        assertTrue(e.getMessage().startsWith("Output folder must be an absolute path"), e.getMessage());
    }

    @Test
    void knimeUrlsAreResolvedOnlyByKnime() {
        assertTrue(KnimePaths.isKnimeUrl(" KNIME://knime.workflow/data"));
        assertFalse(KnimePaths.isKnimeUrl("/knime/data"));
        // Outside KNIME there is no handler for knime:// URLs: a clear settings error, not a stack trace.
        String m = assertThrows(InputException.class, () -> KnimePaths.absolute("knime://knime.workflow/data/samples.csv", "Path", "x")).getMessage();
        assertTrue(m.startsWith("Path is not a URL KNIME can resolve: knime://knime.workflow/data/samples.csv"), m);
        // While a saved workflow loads, URLs and empty values are left for configure; plain paths are checked at once.
        assertFalse(KnimePaths.checkable("knime://knime.workflow/data", false));
        assertFalse(KnimePaths.checkable("", false));
        assertTrue(KnimePaths.checkable("/data", false));
        assertTrue(KnimePaths.checkable("knime://knime.workflow/data", true));
    }
}
