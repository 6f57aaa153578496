package org.neuroatlas.core.density.fibre;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.detect.Threshold;
import org.neuroatlas.core.io.TextTable;

/** The settings and cells parsing the CLI's {@code axons} and the Axon Density node share. */
class AxonDensityRunTest {

    @Test
    void theTypedDefaultsAreTheEngineDefaults() {
        FibreSettings d = FibreSettings.defaults();
        FibreSettings s = AxonDensityRun.settings(AxonDensityRun.DEFAULT_FIBRE_DIAMETER_UM, AxonDensityRun.DEFAULT_THRESHOLD,
                FibreSettings.DEFAULT_WIDTH_FRACTION, AxonDensityRun.DEFAULT_CELL_DIAMETER_UM, d.threads(), AxonDensityRun.DEFAULT_CHUNK_VOXELS);
        assertEquals(d.diameterMinUm(), s.diameterMinUm());
        assertEquals(d.diameterMaxUm(), s.diameterMaxUm());
        assertEquals(d.threshold(), s.threshold());
        assertEquals(d.widthFraction(), s.widthFraction());
        assertEquals(d.cellDiameterUm(), s.cellDiameterUm());
        assertArrayEquals(d.chunkVoxels(), s.chunkVoxels());
    }

    @Test
    void parsesThresholdsAndDiameters() {
        assertEquals(Threshold.auto(FibreSettings.DEFAULT_K), AxonDensityRun.threshold(" AUTO "));
        assertEquals(Threshold.auto(2.5), AxonDensityRun.threshold("auto:2.5"));
        assertEquals(Threshold.absolute(40), AxonDensityRun.threshold("40"));
        assertArrayEquals(new double[] {2, 2}, AxonDensityRun.fibreDiameters("2"));
        assertArrayEquals(new double[] {0.5, 4}, AxonDensityRun.fibreDiameters("0.5, 4"));
        InputException e = assertThrows(InputException.class, () -> AxonDensityRun.fibreDiameters("1,2,3"));
        assertTrue(e.getMessage().contains("--fibre-diameter-um"), e.getMessage());
        e = assertThrows(InputException.class, () -> AxonDensityRun.settings("3,1", "auto", 0.5, 15, 1, "64"));
        assertTrue(e.getMessage().contains("--fibre-diameter-um"), e.getMessage());
        e = assertThrows(InputException.class, () -> AxonDensityRun.threshold("often"));
        assertTrue(e.getMessage().contains("--threshold"), e.getMessage());
    }

    @Test
    void cellsBySampleKeepDiameters() {
        TextTable t = TextTable.of("cells", List.of("sample_id", "x_um", "y_um", "z_um", "diameter_um"), null,
                List.of(List.of("a", "1", "2", "3", "10"), List.of("b", "4", "5", "6", ""), List.of("a", "7", "8", "9", "12")));
        Map<String, AxonDensityRun.Cells> m = AxonDensityRun.cellsBySample(t);
        assertEquals(List.of("a", "b"), List.copyOf(m.keySet()));
        assertEquals(2, m.get("a").positions().size());
        assertEquals(7.0, m.get("a").positions().xUm(1));
        assertArrayEquals(new double[] {10, 12}, m.get("a").diametersUm());
        assertTrue(Double.isNaN(m.get("b").diametersUm()[0]));
        TextTable noDiameter = TextTable.of("cells", List.of("x_um", "y_um", "z_um"), null, List.of(List.of("1", "2", "3")));
        assertNull(AxonDensityRun.cells(noDiameter).diametersUm());
    }
}
