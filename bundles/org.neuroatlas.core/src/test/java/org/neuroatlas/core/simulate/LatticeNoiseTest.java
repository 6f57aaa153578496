package org.neuroatlas.core.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

class LatticeNoiseTest {

    private static final double FEATURE = 30;

    @Test
    void isDeterministicPerSeed() {
        LatticeNoise a = new LatticeNoise(5, FEATURE);
        LatticeNoise b = new LatticeNoise(5, FEATURE);
        LatticeNoise c = new LatticeNoise(6, FEATURE);
        int differ = 0;
        for (int i = 0; i < 1000; i++) {
            double x = i * 7.3;
            double y = i * 1.1 - 400;
            double z = 1234.5 - i;
            assertEquals(a.value(x, y, z), b.value(x, y, z));
            if (a.value(x, y, z) != c.value(x, y, z)) {
                differ++;
            }
        }
        assertTrue(differ > 990, "different seeds must give different fields");
    }

    @Test
    void valuesAreWithinMinusOneToOneWithMeanZero() {
        LatticeNoise n = new LatticeNoise(1, FEATURE);
        DeterministicRandom r = DeterministicRandom.of(2);
        int count = 1_000_000;
        double sum = 0;
        double sum2 = 0;
        double max = 0;
        for (int i = 0; i < count; i++) {
            double v = n.value(r.nextDouble(-3e4, 3e4), r.nextDouble(-3e4, 3e4), r.nextDouble(-3e4, 3e4));
            sum += v;
            sum2 += v * v;
            max = Math.max(max, Math.abs(v));
        }
        double mean = sum / count;
        double sd = Math.sqrt(sum2 / count - mean * mean);
        assertTrue(max <= 1, "max |value| = " + max);
        assertTrue(max > 0.7, "range should be used: max |value| = " + max);
        assertEquals(0, mean, 0.005);
        assertEquals(0.26, sd, 0.03);
    }

    @Test
    void isSmoothWithAnAnalyticGradient() {
        LatticeNoise n = new LatticeNoise(3, FEATURE);
        DeterministicRandom r = DeterministicRandom.of(4);
        double[] g = new double[3];
        double h = 1e-4;
        double step = 0.5;
        for (int i = 0; i < 20_000; i++) {
            double x = r.nextDouble(0, 5000);
            double y = r.nextDouble(0, 5000);
            double z = r.nextDouble(0, 5000);
            double v = n.valueAndGradient(x, y, z, g);
            assertEquals(n.value(x, y, z), v);
            // Finite differences match the analytic gradient (so it is continuous, C¹ at least).
            assertEquals((n.value(x + h, y, z) - n.value(x - h, y, z)) / (2 * h), g[0], 1e-6);
            assertEquals((n.value(x, y + h, z) - n.value(x, y - h, z)) / (2 * h), g[1], 1e-6);
            assertEquals((n.value(x, y, z + h) - n.value(x, y, z - h)) / (2 * h), g[2], 1e-6);
            // Lipschitz: a step of 0.5 µm changes the value by at most 3.5/feature per µm.
            assertTrue(Math.abs(n.value(x + step, y, z) - v) <= 3.5 / FEATURE * step, "jump at " + x);
        }
    }

    @Test
    void hasNoObviousLatticeArtefacts() {
        LatticeNoise n = new LatticeNoise(8, 1);
        // At lattice points, plain gradient noise would be exactly 0; corner values make it vary like anywhere else.
        double sum = 0;
        double sum2 = 0;
        int count = 0;
        for (int i = -20; i < 20; i++) {
            for (int j = -20; j < 20; j++) {
                for (int k = -20; k < 20; k++) {
                    double v = n.latticeValue(i, j, k);
                    sum += v;
                    sum2 += v * v;
                    count++;
                }
            }
        }
        double mean = sum / count;
        double sd = Math.sqrt(sum2 / count - mean * mean);
        assertEquals(0, mean, 0.02);
        assertTrue(sd > 0.15, "values at lattice points should vary, sd = " + sd);
        // Neighbouring cells are uncorrelated beyond one cell: correlation at 2 lattice units along each axis.
        for (int axis = 0; axis < 3; axis++) {
            double c = 0;
            double v2 = 0;
            DeterministicRandom r = DeterministicRandom.of(axis);
            int m = 200_000;
            for (int i = 0; i < m; i++) {
                double u = r.nextDouble(-500, 500);
                double v = r.nextDouble(-500, 500);
                double w = r.nextDouble(-500, 500);
                double a = n.latticeValue(u, v, w);
                double b = n.latticeValue(u + (axis == 0 ? 2 : 0), v + (axis == 1 ? 2 : 0), w + (axis == 2 ? 2 : 0));
                c += a * b;
                v2 += a * a;
            }
            assertEquals(0, c / v2, 0.02, "correlation at distance 2 along axis " + axis);
        }
        // Different seeds do not share a lattice: their lattice points in µm differ.
        assertNotEquals(new LatticeNoise(1, FEATURE).value(0, 0, 0), new LatticeNoise(2, FEATURE).value(0, 0, 0));
    }

    @Test
    void fractalSumStaysInRangeAndAddsDetail() {
        LatticeNoise n = new LatticeNoise(9, FEATURE);
        // Roughness relative to amplitude, mean |Δ over 1 µm| / sd: each octave adds as much slope as the first,
        // so four octaves are ~1.7 times as rough as one.
        double[] roughness = new double[2];
        int[] octaves = {1, 4};
        for (int o = 0; o < 2; o++) {
            DeterministicRandom r = DeterministicRandom.of(10);
            double step = 0;
            double sum2 = 0;
            int m = 100_000;
            for (int i = 0; i < m; i++) {
                double x = r.nextDouble(0, 1e4);
                double y = r.nextDouble(0, 1e4);
                double z = r.nextDouble(0, 1e4);
                double v = n.fractal(x, y, z, octaves[o]);
                assertTrue(Math.abs(v) <= 1);
                step += Math.abs(n.fractal(x + 1, y, z, octaves[o]) - v);
                sum2 += v * v;
            }
            roughness[o] = (step / m) / Math.sqrt(sum2 / m);
        }
        assertTrue(roughness[1] > 1.4 * roughness[0], "more octaves, more detail: " + roughness[1] / roughness[0]);
    }

    @Test
    void printsSpeed() {
        LatticeNoise n = new LatticeNoise(1, FEATURE);
        double[] g = new double[3];
        double sink = 0;
        int m = 4_000_000;
        long value = Long.MAX_VALUE;
        long gradient = Long.MAX_VALUE;
        for (int rep = 0; rep < 4; rep++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < m; i++) {
                sink += n.value(i * 0.37, i * 0.011, rep);
            }
            long t1 = System.nanoTime();
            for (int i = 0; i < m; i++) {
                sink += n.valueAndGradient(i * 0.37, i * 0.011, rep, g);
            }
            long t2 = System.nanoTime();
            value = Math.min(value, t1 - t0);
            gradient = Math.min(gradient, t2 - t1);
        }
        System.out.printf(Locale.ROOT, "LatticeNoise: value %.1f ns, value+gradient %.1f ns per evaluation (%s)%n",
                value / (double) m, gradient / (double) m, sink > 1e300 ? "" : "ok");
    }
}
