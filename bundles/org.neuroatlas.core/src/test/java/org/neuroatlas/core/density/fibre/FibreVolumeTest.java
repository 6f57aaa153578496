package org.neuroatlas.core.density.fibre;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The density correction of the segmented fibre fraction. */
class FibreVolumeTest {

    @Test
    void invertsTheResolutionLoss() {
        double k = FibreVolume.RESOLUTION_LOSS;
        for (double u : new double[] {1e-6, 1e-4, 0.002, 0.01, 0.05, 0.1, 0.18}) {
            double segmented = u * Math.exp(-k * u);
            assertEquals(-Math.expm1(-u), FibreVolume.fraction(segmented), 1e-12 + 1e-9 * u, "u " + u);
        }
    }

    @Test
    void zeroStaysZeroAndSparseIsUnchanged() {
        assertEquals(0, FibreVolume.fraction(0));
        assertEquals(1e-5, FibreVolume.fraction(1e-5), 1e-7);
        double previous = 0;
        for (double m = 0.001; m < 0.2; m += 0.001) {
            double f = FibreVolume.fraction(m);
            assertTrue(f >= previous && f >= m, "monotone and never below the segmented fraction at " + m);
            previous = f;
        }
        // beyond what the voxels resolve: the model's maximum
        assertEquals(-Math.expm1(-1 / FibreVolume.RESOLUTION_LOSS), FibreVolume.fraction(0.1), 1e-12);
        assertEquals(0.5, FibreVolume.fraction(0.5));
    }
}
