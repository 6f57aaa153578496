package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LocalBackgroundTest {

    static final long[] DIMS = {80, 80, 30};

    /** A linear ramp plus uniform noise of ±20: a symmetric kernel's mean is the ramp's value, the noise averages out. */
    static float[] ramp() {
        java.util.Random r = new java.util.Random(5);
        float[] v = new float[(int) (DIMS[0] * DIMS[1] * DIMS[2])];
        for (int z = 0; z < DIMS[2]; z++) {
            for (int y = 0; y < DIMS[1]; y++) {
                for (int x = 0; x < DIMS[0]; x++) {
                    v[(int) ((z * DIMS[1] + y) * DIMS[0] + x)] = 100 + 2 * x + 3 * y - z + (40 * r.nextFloat() - 20);
                }
            }
        }
        return v;
    }

    @Test
    void sampledKernelReturnsTheSmoothBackgroundAwayFromEdges() {
        LocalBackground b = new LocalBackground(18.75, new double[] {2, 2, 5});
        // σ 9.4 voxels in x, y: stride 9, 3σ rounded up to whole strides; z: σ 3.75, stride 4
        assertEquals(36, b.radius[0]);
        assertEquals(12, b.radius[2]);
        Gaussian.Box whole = new Gaussian.Box(new long[3], new int[] {80, 80, 30}, DIMS);
        float[] v = ramp();
        // 9 × 9 × 7 samples, about 50 effective: the noise's share of the mean is ≈ 12 / √50 < 2
        assertEquals(100 + 2 * 40 + 3 * 40 - 15, b.at(v, whole, 40, 40, 15), 3);
    }

    @Test
    void aSeedsValueDoesNotDependOnTheBoxAroundIt() {
        LocalBackground b = new LocalBackground(10, new double[] {2, 2, 5});
        float[] v = ramp();
        Gaussian.Box whole = new Gaussian.Box(new long[3], new int[] {80, 80, 30}, DIMS);
        long[] o = {0, 10, 0};
        int[] size = {40, 40, 30};
        float[] part = new float[40 * 40 * 30];
        for (int z = 0; z < 30; z++) {
            for (int y = 0; y < 40; y++) {
                System.arraycopy(v, (int) ((z * DIMS[1] + y + 10) * DIMS[0]), part, (z * 40 + y) * 40, 40);
            }
        }
        Gaussian.Box box = new Gaussian.Box(o, size, DIMS);
        // the seed at global (5, 30, 2): its kernel (radius 15, 15, 6) crosses the x = 0 and z = 0 edges (mirrored) and stays inside the box in y
        assertEquals(b.at(v, whole, 5, 30, 2), b.at(part, box, 5, 20, 2), 0.0);
    }
}
