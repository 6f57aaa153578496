package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.neuroatlas.core.InputException;

class DetectionSettingsTest {

    static void rejects(String parameter, Executable e) {
        InputException x = assertThrows(InputException.class, e);
        assertTrue(x.getMessage().startsWith("parameter " + parameter + ":"), x.getMessage());
    }

    @Test
    void badSettingsNameTheirParameter() {
        DetectionSettings d = DetectionSettings.defaults();
        rejects("--cell-diameter-um", () -> d.withCellDiameterUm(0));
        rejects("--cell-diameter-um", () -> d.withCellDiameterUm(Double.NaN));
        rejects("--threads", () -> d.withThreads(0));
        rejects("--chunk-voxels", () -> d.withChunkVoxels(128, 2, 64));
        rejects("--chunk-voxels", () -> d.withChunkVoxels(128, 128, 100000));
        rejects("--threshold", () -> d.withThreshold(Threshold.auto(-1)));
        rejects("--threshold", () -> d.withThreshold(null));
        rejects("--threshold", () -> Threshold.parse("high"));
        rejects("--threshold", () -> Threshold.absolute(Double.POSITIVE_INFINITY));
        rejects("--min-separation-um", () -> d.withMinSeparationUm(-1));
        rejects("--max-volume-um3", () -> d.withVolumeRangeUm3(100, 50));
        rejects("--min-volume-um3", () -> d.withVolumeRangeUm3(-1, 50));
        rejects("--segmentation-fraction", () -> d.withSegmentationFraction(1));
        rejects("--min-peak-above-background", () -> d.withMinPeakAboveBackground(-3));
    }

    @Test
    void thresholdsParseAndDefaultsAreDocumented() {
        assertEquals(Threshold.auto(Threshold.DEFAULT_K), Threshold.parse("auto"));
        assertEquals(Threshold.auto(5.5), Threshold.parse(" AUTO:5.5 "));
        assertEquals(Threshold.absolute(-2), Threshold.parse("-2"));
        assertEquals("auto:8", Threshold.auto(8).toString());
        DetectionSettings d = DetectionSettings.defaults();
        assertEquals(7.5, d.separationUm());
        assertEquals(4, d.withMinSeparationUm(4).separationUm());
        assertEquals(d, DetectionSettings.defaults());
        int[] chunk = d.chunkVoxels();
        chunk[0] = 1;
        assertEquals(256, d.chunkVoxels()[0], "settings are immutable");
    }
}
