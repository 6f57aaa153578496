package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;

/** The demons stage's intensity match (a local gain over a fixed offset) and the template's blur. */
class LocalIntensityFitTest {

    private static final int N = 40;
    private static final double OFFSET = 0.3;

    /** Slow shading: the sample's gain relative to the template, 0.85–1.15 over the box. */
    private static double shading(int x, int y, int z) {
        return 1 + 0.15 * Math.sin(2 * Math.PI * (x + 0.5 * y) / 60) * Math.cos(2 * Math.PI * z / 80);
    }

    private static FloatGrid grid(float[] data) {
        return new FloatGrid(N, N, N, new double[] {100, 100, 100}, new double[3], data);
    }

    /** A textured template: tissue (random grey blocks) in a ball, near 0 outside. */
    private static float[] template() {
        Random r = new Random(7);
        float[] blocks = new float[8 * 8 * 8];
        for (int i = 0; i < blocks.length; i++) {
            blocks[i] = 60 + 80 * r.nextFloat();
        }
        float[] f = new float[N * N * N];
        for (int z = 0, i = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++, i++) {
                    double d2 = Math.pow(x - 19.5, 2) + Math.pow(y - 19.5, 2) + Math.pow(z - 19.5, 2);
                    f[i] = d2 < 17 * 17 ? blocks[(z / 5 * 8 + y / 5) * 8 + x / 5] : 1;
                }
            }
        }
        return f;
    }

    /** The fit uses {@link Parallel}, which must run inside a pool. */
    private static float[][] fitInPool(Callable<float[][]> fit) {
        ForkJoinPool pool = new ForkJoinPool(2);
        try {
            return pool.submit(fit).join();
        } finally {
            pool.shutdown();
        }
    }

    private static double[] globalLine(float[] f, float[] m) {
        double sm = 0, sf = 0, smm = 0, smf = 0;
        for (int i = 0; i < f.length; i++) {
            sm += m[i];
            sf += f[i];
            smm += m[i] * (double) m[i];
            smf += m[i] * (double) f[i];
        }
        int n = f.length;
        double alpha = (smf / n - sm / n * sf / n) / (smm / n - sm / n * sm / n);
        return new double[] {alpha, sf / n - alpha * sm / n};
    }

    private static double rmsResidual(float[] f, float[] m, float[] alpha, float[] beta) {
        double s = 0;
        for (int i = 0; i < f.length; i++) {
            double d = f[i] - (alpha[i] * m[i] + beta[i]);
            s += d * d;
        }
        return Math.sqrt(s / f.length);
    }

    @Test
    void followsAMultiplicativeShadingOverAFixedOffset() {
        float[] f = template();
        // the sample: the template × a slow gain (shading), scaled, over a constant offset (camera, background)
        float[] m = new float[f.length];
        for (int z = 0, i = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++, i++) {
                    m[i] = (float) (OFFSET + 0.004 * f[i] * shading(x, y, z));
                }
            }
        }
        double[] line = globalLine(f, m);
        float[][] ab = fitInPool(() -> new LocalIntensityFit(grid(f), 3).fit(m, line[0], line[1]));
        float[] alpha = ab[0], beta = ab[1];
        float[] globalAlpha = new float[f.length], globalBeta = new float[f.length];
        java.util.Arrays.fill(globalAlpha, (float) line[0]);
        java.util.Arrays.fill(globalBeta, (float) line[1]);
        double local = rmsResidual(f, m, alpha, beta), global = rmsResidual(f, m, globalAlpha, globalBeta);
        assertTrue(local < 0.25 * global, "residual with the local gain " + local + " vs one line " + global);
        // in the tissue the gain is the inverse shading (/0.004), within a few %
        double worst = 0;
        for (int z = 10; z < 30; z++) {
            for (int y = 10; y < 30; y++) {
                for (int x = 10; x < 30; x++) {
                    int i = (z * N + y) * N + x;
                    worst = Math.max(worst, Math.abs(alpha[i] * 0.004 * shading(x, y, z) - 1));
                    // the offset is the line's: β = −α·c with c the sample's value where the template is 0
                    assertEquals(-alpha[i] * (-line[1] / line[0]), beta[i], 1e-3 * Math.abs(beta[i]) + 1e-6);
                }
            }
        }
        assertTrue(worst < 0.04, "gain off by up to " + worst);
    }

    @Test
    void aFlatSampleKeepsTheGlobalLine() {
        float[] f = template();
        float[] m = new float[f.length];
        java.util.Arrays.fill(m, 2f);
        float[][] ab = fitInPool(() -> new LocalIntensityFit(grid(f), 3).fit(m, 0, 42));
        for (int i = 0; i < f.length; i += 97) {
            assertEquals(0, ab[0][i]);
            assertEquals(42, ab[1][i], 1e-6);
        }
    }

    @Test
    void blurHasTheAskedVarianceAndMovesNothing() {
        float[] impulse = new float[N * N * N];
        int cx = 17, cy = 20, cz = 23;
        impulse[(cz * N + cy) * N + cx] = 1;
        FloatGrid g = grid(impulse);
        for (double v : new double[] {0.1, 0.3, 0.5}) {
            float[] b = g.blurred(v).data;
            double sum = 0, mx = 0, vx = 0, vy = 0, vz = 0;
            for (int z = 0, i = 0; z < N; z++) {
                for (int y = 0; y < N; y++) {
                    for (int x = 0; x < N; x++, i++) {
                        sum += b[i];
                        mx += b[i] * x;
                        vx += b[i] * (x - cx) * (x - cx);
                        vy += b[i] * (y - cy) * (y - cy);
                        vz += b[i] * (z - cz) * (z - cz);
                    }
                }
            }
            assertEquals(1, sum, 1e-6, "keeps the mean");
            assertEquals(cx, mx, 1e-5, "moves nothing");
            assertEquals(v, vx, 1e-6);
            assertEquals(v, vy, 1e-6);
            assertEquals(v, vz, 1e-6);
        }
        assertSame(g, g.blurred(0));
        assertArrayEquals(g.blurred(0.5).data, g.smoothed().data);
        assertThrows(IllegalArgumentException.class, () -> g.blurred(0.6));
        assertThrows(IllegalArgumentException.class, () -> new NonRigidRegistration.Settings(1, new int[] {0, 0, 1}, 1, 1, 3, -0.1));
    }
}
