package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class CameraNoiseTest {

    private static final int WIDTH = 500;
    private static final int HEIGHT = 400;

    @Test
    void meanAndVarianceMatchPoissonPlusGaussian() {
        CameraNoise camera = new CameraNoise(1, 1.5, 2.0, 100);
        float[] expected = new float[WIDTH * HEIGHT];
        short[] out = new short[expected.length];
        int n = expected.length;
        for (double e : new double[] {0.3, 4, 16, 17, 40, 600, 20_000}) {
            Arrays.fill(expected, (float) e);
            camera.apply(expected, 7, out);
            double sum = 0;
            double sum2 = 0;
            for (short s : out) {
                int v = s & 0xffff;
                sum += v;
                sum2 += (double) v * v;
            }
            double mean = sum / n;
            double var = sum2 / n - mean * mean;
            double wantVar = camera.variance(e);
            assertEquals(camera.mean(e), mean, 5 * Math.sqrt(wantVar / n), "mean at " + e);
            // Var of the sample variance ≈ 2σ⁴/n (plus the Poisson excess kurtosis, small): 6 standard errors.
            assertEquals(wantVar, var, 6 * Math.sqrt((2 * wantVar * wantVar + 1.5 * e) / n) + 0.05, "variance at " + e);
        }
    }

    @Test
    void shotNoiseAloneIsExactPoissonForSmallMeans() {
        CameraNoise camera = new CameraNoise(2, 1, 0, 0);
        float[] expected = new float[WIDTH * HEIGHT];
        Arrays.fill(expected, 2f);
        short[] out = new short[expected.length];
        camera.apply(expected, 0, out);
        int[] counts = new int[20];
        for (short s : out) {
            counts[s]++;
        }
        double p = Math.exp(-2);
        for (int k = 0; k < 10; k++) {
            double want = p * out.length;
            assertEquals(want, counts[k], 5 * Math.sqrt(want) + 1, "P(" + k + ")");
            p *= 2.0 / (k + 1);
        }
    }

    @Test
    void valuesAreClampedToUint16() {
        CameraNoise camera = new CameraNoise(3, 1, 3, 10);
        assertEquals(CameraNoise.MAX_VALUE, camera.sample(1e7, 0, 0));
        assertEquals(CameraNoise.MAX_VALUE, camera.sample(70_000, 0, 1));
        CameraNoise negative = new CameraNoise(3, 1, 3, -1000);
        assertEquals(0, negative.sample(5, 0, 0));
        float[] expected = {1e9f, 0, -5, Float.NaN, 65_000};
        short[] out = new short[expected.length];
        camera.apply(expected, 1, out);
        assertEquals(65535, out[0] & 0xffff);
        assertTrue((out[1] & 0xffff) < 40, "a dark voxel is near the offset");
        assertTrue((out[2] & 0xffff) < 40, "negative expectations count as 0");
        assertTrue((out[3] & 0xffff) < 40, "NaN counts as 0");
        assertTrue((out[4] & 0xffff) > 64_000);
    }

    @Test
    void noiseDependsOnlyOnSeedPlaneAndVoxel() {
        CameraNoise camera = new CameraNoise(4, 0.8, 1.5, 100);
        float[] expected = new float[WIDTH * HEIGHT];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = (i * 37 % 1000) / 3f;
        }
        short[] whole = new short[expected.length];
        camera.apply(expected, 12, whole);

        // Rows in reverse order, on several threads, after other planes: the same values.
        short[] rows = new short[expected.length];
        camera.apply(expected, 11, new short[expected.length]);
        IntStream.range(0, HEIGHT).map(y -> HEIGHT - 1 - y).parallel()
                .forEach(y -> camera.applyRow(expected, y * WIDTH, WIDTH, 12, (long) y * WIDTH, rows, y * WIDTH));
        assertArrayEquals(whole, rows);
        // Single voxels, in any order.
        for (int i = expected.length - 1; i >= 0; i -= 997) {
            assertEquals(whole[i] & 0xffff, camera.sample(expected[i], 12, i));
        }
        // Another plane or another seed gives other noise.
        short[] otherPlane = new short[expected.length];
        camera.apply(expected, 13, otherPlane);
        short[] otherSeed = new short[expected.length];
        new CameraNoise(5, 0.8, 1.5, 100).apply(expected, 12, otherSeed);
        assertFalse(Arrays.equals(whole, otherPlane));
        assertFalse(Arrays.equals(whole, otherSeed));
    }

    @Test
    void printsSpeed() {
        CameraNoise camera = new CameraNoise(6, 1, 2, 100);
        float[] expected = new float[WIDTH * HEIGHT];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = i % 3 == 0 ? 5 : i % 3 == 1 ? 50 : 500;
        }
        short[] out = new short[expected.length];
        long best = Long.MAX_VALUE;
        for (int rep = 0; rep < 5; rep++) {
            long t0 = System.nanoTime();
            camera.apply(expected, rep, out);
            best = Math.min(best, System.nanoTime() - t0);
        }
        System.out.printf(java.util.Locale.ROOT, "CameraNoise: %.1f ns per voxel (means 5/50/500)%n", best / (double) expected.length);
    }
}
