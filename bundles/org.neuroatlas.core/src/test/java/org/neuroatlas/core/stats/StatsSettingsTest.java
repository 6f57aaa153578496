package org.neuroatlas.core.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;

/** The settings check the command and the node share: values and the messages' setting names. */
class StatsSettingsTest {

    private static final StatsSettings.Names LABELS = new StatsSettings.Names("Control group", "Value column", "Regions", "Minimum n", "FDR",
            "Pseudo-count", "Missing rows");

    @Test
    void parsesWhatTheUserTyped() {
        StatsSettings s = StatsSettings.parse(" saline ", "count", " ", 3, 0.05, 1, "SKIP", StatsSettings.Names.CLI);
        assertEquals(new StatsSettings("saline", "count", null, 3, 0.05, 1, StatsSettings.Missing.SKIP), s);
        assertEquals("VTA,SNc", String.join(",", StatsSettings.parse("saline", "count", "VTA,SNc", 3, 0.05, 1, "zero", LABELS).regions().acronyms()));
        assertNull(StatsSettings.parse("saline", "count", null, 3, 0.05, 1, "zero", LABELS).regions());
    }

    @Test
    void badValuesNameTheSetting() {
        assertMessage("parameter Minimum n: 1 is below 2", () -> StatsSettings.parse("saline", "count", null, 1, 0.05, 1, "zero", LABELS));
        assertMessage("parameter --fdr: 5.0 is not between 0 and 1", () -> StatsSettings.parse("saline", "count", null, 3, 5, 1, "zero", StatsSettings.Names.CLI));
        assertMessage("parameter Pseudo-count: -1.0", () -> StatsSettings.parse("saline", "count", null, 3, 0.05, -1, "zero", LABELS));
        assertMessage("parameter Missing rows: 'none' is neither zero nor skip", () -> StatsSettings.parse("saline", "count", null, 3, 0.05, 1, "none", LABELS));
        assertMessage("parameter Control group: is empty", () -> StatsSettings.parse(" ", "count", null, 3, 0.05, 1, "zero", LABELS));
        assertMessage("parameter Value column: is empty", () -> StatsSettings.parse("saline", "", null, 3, 0.05, 1, "zero", LABELS));
        assertMessage("parameter Regions", () -> StatsSettings.parse("saline", "count", "depth:x", 3, 0.05, 1, "zero", LABELS));
    }

    private static void assertMessage(String start, org.junit.jupiter.api.function.Executable e) {
        String m = assertThrows(InputException.class, e).getMessage();
        assertTrue(m.startsWith(start), m);
    }
}
