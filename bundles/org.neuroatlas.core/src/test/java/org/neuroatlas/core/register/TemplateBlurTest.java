package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/** The template blur that matches the sample, estimated by correlation over the atlas brain. */
class TemplateBlurTest {

    private static final int N = 24;

    /** A template with detail at the voxel scale: random grey values in a ball, 0 outside. */
    private static FloatGrid template() {
        Random r = new Random(5);
        float[] f = new float[N * N * N];
        for (int z = 0, i = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++, i++) {
                    double d2 = Math.pow(x - 11.5, 2) + Math.pow(y - 11.5, 2) + Math.pow(z - 11.5, 2);
                    f[i] = d2 < 10 * 10 ? 50 + 100 * r.nextFloat() : 0;
                }
            }
        }
        return new FloatGrid(N, N, N, new double[] {100, 100, 100}, new double[3], f);
    }

    private static boolean[] brain(FloatGrid t) {
        boolean[] b = new boolean[t.size()];
        for (int i = 0; i < b.length; i++) {
            b[i] = t.data[i] > 0;
        }
        return b;
    }

    private static double estimate(FloatGrid template, FloatGrid sample, AffineMap affine, int threads) {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> TemplateBlur.estimate(template, brain(template), sample, affine, null)).join();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aSampleAsSharpAsTheTemplateNeedsNoBlur() {
        FloatGrid t = template();
        assertEquals(0, estimate(t, t, AffineMap.identity(), 2), 1e-12);
    }

    @Test
    void findsTheBlurOfABlurrierSample() {
        FloatGrid t = template();
        for (double v : new double[] {0.15, 0.3, 0.45}) {
            assertEquals(v, estimate(t, t.blurred(v), AffineMap.identity(), 2), 1e-9, "sample blurred by " + v);
        }
    }

    @Test
    void misregistrationLooksLikeBlur() {
        // the same sharp sample, misplaced by half a voxel along x: the estimate is no longer 0, which is why the
        // demons, started from the affine map, take at most the settings' blur
        FloatGrid t = template();
        FloatGrid misplaced = new FloatGrid(N, N, N, t.spacingUm, new double[] {-50, 0, 0}, t.data);
        double v = estimate(t, misplaced, AffineMap.identity(), 2);
        assertTrue(v >= 0.1, "estimate " + v);
        assertEquals(v, estimate(t, misplaced, AffineMap.identity(), 1), 0, "the same whatever the thread count");
    }
}
