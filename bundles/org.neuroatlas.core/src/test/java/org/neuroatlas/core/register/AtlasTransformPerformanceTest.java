package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * Measures the row fast path the simulator uses for every sample voxel and prints ns/voxel (one thread). No timing
 * assertion: the machine is shared, so numbers vary; the print is for people.
 */
class AtlasTransformPerformanceTest {

    @Test
    void rowPathSpeed() {
        AtlasTransform t = TransformFixtures.transform(5);
        AtlasTransform affine = AtlasTransform.affine(t.sampleSide(), t.atlasKey(), t.sample());
        SampleGeometry s = t.sample();
        int n = (int) s.dimensions()[0];
        double dx = s.voxelSizeUm().xUm();
        double[] ox = new double[n], oy = new double[n], oz = new double[n];
        // Rows of the middle plane of the sample (which runs through the brain): warm up, then measure.
        int rows = (int) s.dimensions()[1];
        double zs = s.extentUm(2) / 2;
        double checksum = 0;
        String[] names = {"warped, refined", "warped, inverse field only", "affine"};
        for (int mode = 0; mode < 3; mode++) {
            AtlasTransform tr = mode == 2 ? affine : t;
            for (int pass = 0; pass < 3; pass++) {
                long start = System.nanoTime();
                for (int r = 0; r < rows; r++) {
                    tr.sampleToAtlasRow(r * s.voxelSizeUm().yUm(), zs, 0, dx, n, ox, oy, oz, mode != 1);
                    checksum += ox[n / 2];
                }
                long ns = System.nanoTime() - start;
                if (pass == 2) {
                    System.out.println(String.format(Locale.ROOT, "sampleToAtlasRow (%s): %.1f ns/voxel over %d voxels, one thread",
                            names[mode], ns / (double) rows / n, (long) rows * n));
                }
            }
        }
        assertTrue(Double.isFinite(checksum));
    }
}
