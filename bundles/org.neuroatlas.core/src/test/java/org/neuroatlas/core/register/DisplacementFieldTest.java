package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.VoxelSize;

class DisplacementFieldTest {

    /** The Allen CCF at 100 µm: 132 × 80 × 114 voxels. */
    static final long[] ATLAS_100 = {132, 80, 114};
    static final VoxelSize VOXEL_100 = VoxelSize.isotropic(100);

    private static final double[] ORIGIN = {-50, 20, 100};
    private static final double[] SPACING = {40, 25, 60};
    private static final int[] DIMS = {9, 7, 5};

    /** u(x) = M·x + c, exactly representable by trilinear interpolation. */
    private static DisplacementField linear(double[][] m, double[] c) {
        return DisplacementField.compute(ORIGIN, SPACING, DIMS, (x, y, z, out) -> {
            for (int r = 0; r < 3; r++) {
                out[r] = m[r][0] * x + m[r][1] * y + m[r][2] * z + c[r];
            }
        });
    }

    @Test
    void trilinearInterpolationIsExactForLinearFieldsAndClampsOutside() {
        // Small integer coefficients keep node values exact in float.
        double[][] m = {{0.25, -0.5, 0.125}, {1, 0, -0.25}, {0, 0.75, 0.5}};
        double[] c = {3, -2, 1};
        DisplacementField f = linear(m, c);
        Random r = new Random(5);
        double[] out = new double[3];
        double[] hi = {ORIGIN[0] + 8 * 40, ORIGIN[1] + 6 * 25, ORIGIN[2] + 4 * 60};
        for (int n = 0; n < 1000; n++) {
            double x = ORIGIN[0] + r.nextDouble() * (hi[0] - ORIGIN[0]);
            double y = ORIGIN[1] + r.nextDouble() * (hi[1] - ORIGIN[1]);
            double z = ORIGIN[2] + r.nextDouble() * (hi[2] - ORIGIN[2]);
            f.displacement(x, y, z, out);
            for (int k = 0; k < 3; k++) {
                assertEquals(m[k][0] * x + m[k][1] * y + m[k][2] * z + c[k], out[k], 1e-9);
            }
            // Outside: the value at the nearest point of the box.
            double xo = x + 1000, yo = y - 2000, zo = z;
            f.displacement(xo, yo, zo, out);
            double[] cl = {hi[0], ORIGIN[1], z};
            for (int k = 0; k < 3; k++) {
                assertEquals(m[k][0] * cl[0] + m[k][1] * cl[1] + m[k][2] * cl[2] + c[k], out[k], 1e-9);
            }
        }
        // Exactly at nodes, including the last one.
        double[] node = new double[3];
        f.node(8, 6, 4, node);
        f.displacement(hi[0], hi[1], hi[2], out);
        assertArrayEquals(node, out, 0);
    }

    @Test
    void analyticGradientMatchesFiniteDifferences() {
        DisplacementField f = SmoothWarps.random(11, new long[] {40, 30, 20}, VoxelSize.isotropic(50), 100, 150, 400);
        double[] g = new double[WarpInverse.SCRATCH];
        double[] a = new double[3], b = new double[3];
        Random r = new Random(6);
        for (int n = 0; n < 200; n++) {
            double x = 10 + r.nextDouble() * 1900, y = 10 + r.nextDouble() * 1400, z = 10 + r.nextDouble() * 900;
            f.displacementAndGradient(x, y, z, g);
            f.displacement(x, y, z, a);
            assertArrayEquals(a, new double[] {g[0], g[1], g[2]}, 1e-12);
            double h = 1e-3;
            for (int ax = 0; ax < 3; ax++) {
                double[] p = {x, y, z}, q = {x, y, z};
                p[ax] += h;
                q[ax] -= h;
                f.displacement(p, a);
                f.displacement(q, b);
                for (int c = 0; c < 3; c++) {
                    assertEquals((a[c] - b[c]) / (2 * h), g[3 + 3 * c + ax], 1e-6);
                }
            }
        }
        // Beyond the grid the field is constant: zero derivative across that axis.
        f.displacementAndGradient(-500, 700, 400, g);
        assertEquals(0, g[3], 0);
        assertEquals(0, g[6], 0);
        assertEquals(0, g[9], 0);
    }

    @Test
    void singleNodeAxesWork() {
        DisplacementField f = DisplacementField.compute(new double[3], new double[] {10, 10, 10}, new int[] {4, 1, 1},
                (x, y, z, out) -> {
                    out[0] = x / 10;
                    out[1] = 0;
                    out[2] = 0;
                });
        double[] out = new double[3];
        f.displacement(15, 99, -99, out);
        assertEquals(1.5, out[0], 1e-12);
        assertEquals(1.1, f.jacobianDeterminant(2, 0, 0), 1e-6);
    }

    @Test
    void jacobianOfALinearStretchIsItsDeterminant() {
        // u = (0.2 x, 0, −0.1 z): W stretches x by 1.2 and compresses z to 0.9, det = 1.08 everywhere (also on faces).
        DisplacementField f = linear(new double[][] {{0.2, 0, 0}, {0, 0, 0}, {0, 0, -0.1}}, new double[3]);
        DisplacementField.Jacobian j = f.jacobian();
        assertEquals(1.08, j.minDeterminant(), 1e-6);
        assertEquals(1.08, j.maxDeterminant(), 1e-6);
        assertEquals(0, j.foldedNodes());
        assertEquals(9 * 7 * 5, j.nodes());
        // A shear changes no volume.
        DisplacementField shear = linear(new double[][] {{0, 0.5, 0}, {0, 0, 0}, {0, 0, 0}}, new double[3]);
        assertEquals(1, shear.jacobian().minDeterminant(), 1e-6);
    }

    @Test
    void foldingIsDetected() {
        // A bump whose displacement along x falls faster than 1 µm per µm: W runs backwards through its middle.
        DisplacementField f = DisplacementField.compute(new double[3], new double[] {10, 10, 10}, new int[] {41, 21, 21},
                (x, y, z, out) -> {
                    double r2 = ((x - 200) * (x - 200) + (y - 100) * (y - 100) + (z - 100) * (z - 100)) / (30.0 * 30.0);
                    out[0] = -80 * (x - 200) / 30 * Math.exp(-0.5 * r2);
                    out[1] = 0;
                    out[2] = 0;
                });
        DisplacementField.Jacobian j = f.jacobian();
        assertTrue(j.minDeterminant() < 0, "min det " + j.minDeterminant());
        assertTrue(j.foldedNodes() > 0 && j.foldedNodes() < j.nodes(), "folded " + j.foldedNodes());
        assertTrue(j.maxDeterminant() > 1);
        assertTrue(f.jacobianDeterminant(20, 10, 10) < 0);
        assertTrue(f.jacobianDeterminant(0, 0, 0) > 0.99);
    }

    @Test
    void maxDisplacementIsTheLongestVector() {
        float[] v = new float[3 * 8];
        v[3 * 5] = 3;
        v[3 * 5 + 1] = -4;
        v[3 * 2 + 2] = 4.5f;
        DisplacementField f = DisplacementField.of(new double[3], new double[] {1, 1, 1}, new int[] {2, 2, 2}, v);
        assertEquals(5, f.maxDisplacementUm(), 0);
        assertFalse(f.isZero());
        assertTrue(DisplacementField.zero(new double[3], new double[] {1, 1, 1}, new int[] {2, 2, 2}).isZero());
    }

    @Test
    void coveringGridSpansTheAtlasBox() {
        DisplacementField f = DisplacementField.covering(ATLAS_100, VOXEL_100, 100);
        assertArrayEquals(new int[] {132, 80, 114}, f.dimensions());
        DisplacementField g = DisplacementField.covering(new long[] {528, 320, 456}, VoxelSize.isotropic(25), 200);
        // (527 × 25) / 200 = 65.9 → 66 cells, 67 nodes
        assertArrayEquals(new int[] {67, 41, 58}, g.dimensions());
    }

    /** The brief's accuracy target: 300 µm warps on a 100 µm grid over the 100 µm atlas box. */
    @Test
    void inverseFieldInvertsRandomSmoothWarps() {
        for (long seed = 1; seed <= 3; seed++) {
            DisplacementField u = SmoothWarps.random(seed, ATLAS_100, VOXEL_100, 100, 300, 1000);
            assertTrue(u.maxDisplacementUm() > 200, "warp too small to test anything: " + u.maxDisplacementUm());
            DisplacementField.Inversion inv = u.inverse(DisplacementField.DEFAULT_INVERSE_ITERATIONS);
            assertTrue(inv.maxResidualUm() < 0.5, "residual " + inv.maxResidualUm());
            // Independent check at every node of v.
            double residual = u.inverseResidualUm(inv.field());
            assertTrue(residual < 0.5, "residual " + residual);
            assertEquals(inv.maxResidualUm(), residual, 1e-6);
            assertTrue(inv.field().sameGrid(u));
        }
    }

    @Test
    void plainFixedPointStartIsWhatZeroIterationsGive() {
        DisplacementField u = SmoothWarps.random(4, new long[] {30, 20, 20}, VoxelSize.isotropic(100), 100, 100, 800);
        DisplacementField v0 = u.inverse(0).field();
        // v = −u(y): the first fixed-point iterate (to the rounding of locating a node by multiplying by 1/spacing)
        assertArrayEquals(u.scaled(-1).toArray(), v0.toArray(), 1e-4f);
        assertTrue(u.inverse(10).maxResidualUm() < u.inverse(1).maxResidualUm());
    }

    @Test
    void inverseIsDeterministic() throws Exception {
        DisplacementField u = SmoothWarps.random(9, new long[] {60, 40, 50}, VoxelSize.isotropic(100), 100, 300, 900);
        DisplacementField.Inversion a = u.inverse(20);
        // The same on one thread: a parallel stream started inside a pool runs in that pool.
        ForkJoinPool single = new ForkJoinPool(1);
        try {
            DisplacementField.Inversion b = single.submit(() -> u.inverse(20)).get();
            assertEquals(a.field(), b.field());
            assertEquals(a.maxResidualUm(), b.maxResidualUm(), 0);
            assertEquals(u.jacobian(), single.submit(() -> u.jacobian()).get());
        } finally {
            single.shutdown();
        }
    }

    @Test
    void inversionStopsWhenCanceled() {
        DisplacementField u = SmoothWarps.random(4, new long[] {30, 20, 20}, VoxelSize.isotropic(100), 100, 100, 800);
        Progress canceled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(CanceledException.class, () -> u.inverse(20, canceled));
    }

    @Test
    void foldedWarpsStillGiveFiniteBestEffortAnswers() {
        DisplacementField f = DisplacementField.compute(new double[3], new double[] {10, 10, 10}, new int[] {41, 21, 21},
                (x, y, z, out) -> {
                    double r2 = ((x - 200) * (x - 200) + (y - 100) * (y - 100) + (z - 100) * (z - 100)) / (30.0 * 30.0);
                    out[0] = -80 * (x - 200) / 30 * Math.exp(-0.5 * r2);
                    out[1] = 0;
                    out[2] = 0;
                });
        AtlasTransform t = AtlasTransform.of(AffineMap.identity(), f, "k", new SampleGeometry(new long[] {41, 21, 21}, VoxelSize.isotropic(10), null));
        assertFalse(t.quality().isFoldFree());
        double[] out = new double[3];
        for (int x = 0; x <= 400; x += 5) {
            t.sampleToAtlas(new double[] {x, 100, 100}, out);
            assertTrue(Double.isFinite(out[0]) && Double.isFinite(out[1]) && Double.isFinite(out[2]), "x " + x);
        }
    }
}
