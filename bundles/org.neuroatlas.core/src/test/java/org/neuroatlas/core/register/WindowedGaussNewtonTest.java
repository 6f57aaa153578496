package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.Test;

/** The demons stage's refinement step: the windowed Gauss–Newton step of the intensity residual. */
class WindowedGaussNewtonTest {

    private static final int N = 32;
    private static final double VOXEL_UM = 100;
    private static final double SIGMA_VOXELS = 3;

    /** A smooth image in µm: sums of sines, textured along all three axes (or only x if {@code onlyX}). */
    private static double image(double x, double y, double z, boolean onlyX) {
        double s = Math.sin(x / 230) + 0.6 * Math.sin(x / 170 + 1);
        return onlyX ? 100 * s : 100 * (s + Math.sin(y / 210) + 0.7 * Math.cos(z / 190) + 0.5 * Math.sin((x + y - z) / 260));
    }

    /**
     * The residual and gradient of the demons stage for a template {@code F(x)} and a warped sample {@code F(x − t)}
     * lagging by {@code t} µm: the step that aligns them is {@code t}.
     */
    private static float[][] residualAndGradient(double[] t, boolean onlyX) {
        int n = N * N * N;
        float[] d = new float[n], g = new float[3 * n];
        double h = 1;
        for (int z = 0, i = 0; z < N; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++, i++) {
                    double px = x * VOXEL_UM, py = y * VOXEL_UM, pz = z * VOXEL_UM;
                    d[i] = (float) (image(px, py, pz, onlyX) - image(px - t[0], py - t[1], pz - t[2], onlyX));
                    // the mean of both images' gradients, as the demons stage's symmetric gradient
                    double[] p = {px, py, pz};
                    for (int k = 0; k < 3; k++) {
                        int axis = k;
                        DoubleUnaryOperator along = s -> {
                            double[] q = p.clone();
                            q[axis] += s;
                            return 0.5 * (image(q[0], q[1], q[2], onlyX) + image(q[0] - t[0], q[1] - t[1], q[2] - t[2], onlyX));
                        };
                        g[3 * i + k] = (float) ((along.applyAsDouble(h) - along.applyAsDouble(-h)) / (2 * h));
                    }
                }
            }
        }
        return new float[][] {d, g};
    }

    private static float[] step(float[][] dg, int threads) {
        FloatGrid grid = new FloatGrid(N, N, N, new double[] {VOXEL_UM, VOXEL_UM, VOXEL_UM}, new double[3], new float[N * N * N]);
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> new WindowedGaussNewton(grid, SIGMA_VOXELS).step(dg[0], dg[1], VOXEL_UM)).join();
        } finally {
            pool.shutdown();
        }
    }

    /** Mean step over the inner voxels (away from the faces, where the window is cut off), µm. */
    private static double[] innerMean(float[] step) {
        double[] sum = new double[3];
        int count = 0;
        for (int z = 8; z < N - 8; z++) {
            for (int y = 8; y < N - 8; y++) {
                for (int x = 8; x < N - 8; x++, count++) {
                    int i = (z * N + y) * N + x;
                    for (int k = 0; k < 3; k++) {
                        sum[k] += step[3 * i + k];
                    }
                }
            }
        }
        return new double[] {sum[0] / count, sum[1] / count, sum[2] / count};
    }

    /** One step covers at least 90 % of the shift (the ridge and the window's edges take a few per cent). */
    private static void assertNear(double[] t, double[] mean) {
        for (int k = 0; k < 3; k++) {
            assertEquals(t[k], mean[k], 0.1 * Math.abs(t[k]) + 0.05, "axis " + k + ": " + java.util.Arrays.toString(mean));
        }
    }

    @Test
    void recoversASubVoxelShiftInOneStep() {
        double[] t = {12, -7, 5};
        assertNear(t, innerMean(step(residualAndGradient(t, false), 2)));
    }

    @Test
    void alongAStraightEdgeMovesOnlyAcrossIt() {
        // the image varies along x only: y and z are unconstrained (the aperture problem) and must not move
        double[] mean = innerMean(step(residualAndGradient(new double[] {10, 20, -20}, true), 2));
        assertEquals(10, mean[0], 1);
        assertEquals(0, mean[1], 1e-3);
        assertEquals(0, mean[2], 1e-3);
    }

    @Test
    void stepsAreBoundedToHalfAVoxel() {
        float[] step = step(residualAndGradient(new double[] {45, 40, 0}, false), 2);
        double longest = 0;
        for (int i = 0; i < step.length; i += 3) {
            longest = Math.max(longest, Math.sqrt(step[i] * step[i] + step[i + 1] * step[i + 1] + step[i + 2] * step[i + 2]));
        }
        assertTrue(longest <= VOXEL_UM / 2 + 1e-3, "longest step " + longest);
        assertTrue(longest > VOXEL_UM / 4, "longest step " + longest);
    }

    @Test
    void residualsNoSmallShiftExplainsHardlyCount() {
        double[] t = {12, -7, 5};
        float[][] dg = residualAndGradient(t, false);
        double[] clean = innerMean(step(dg, 2));
        // tissue missing from a slab of the sample: the residual there is the whole template's, far beyond a voxel's shift
        for (int z = 15; z < 18; z++) {
            for (int y = 0; y < N; y++) {
                for (int x = 0; x < N; x++) {
                    int i = (z * N + y) * N + x;
                    dg[0][i] = 400 + (float) image(x * VOXEL_UM, y * VOXEL_UM, z * VOXEL_UM, false);
                }
            }
        }
        double[] withSlab = innerMean(step(dg, 2));
        // unweighted (ω = 1) the slab moves the mean step by 45 µm, with ω = s alone by 10 µm
        for (int k = 0; k < 3; k++) {
            assertEquals(clean[k], withSlab[k], 1, "axis " + k + ": " + java.util.Arrays.toString(withSlab));
        }
    }

    @Test
    void aFlatImageDoesNotMove() {
        int n = N * N * N;
        float[] d = new float[n], g = new float[3 * n];
        java.util.Arrays.fill(d, 3);
        float[] s = step(new float[][] {d, g}, 2);
        for (float v : s) {
            assertEquals(0, v, 0);
        }
    }

    @Test
    void theStepDoesNotDependOnTheThreadCount() {
        float[][] dg = residualAndGradient(new double[] {12, -7, 5}, false);
        assertArrayEquals(step(dg, 1), step(dg, 2));
    }

    @Test
    void theSymmetric3x3SolverAgreesWithGaussianElimination() {
        Random r = new Random(3);
        for (int trial = 0; trial < 100; trial++) {
            double[][] b = new double[3][3];
            for (double[] row : b) {
                for (int j = 0; j < 3; j++) {
                    row[j] = r.nextGaussian();
                }
            }
            // bᵀb + εI is symmetric positive definite
            double[][] a = new double[3][3];
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    for (int k = 0; k < 3; k++) {
                        a[i][j] += b[k][i] * b[k][j];
                    }
                }
                a[i][i] += 0.01;
            }
            double[] rhs = {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            double[] x = new double[3];
            assertTrue(SmallLinearSystems.solveSymmetric3(a[0][0], a[0][1], a[0][2], a[1][1], a[1][2], a[2][2], rhs[0], rhs[1], rhs[2], x));
            assertArrayEquals(SmallLinearSystems.solve(a, rhs), x, 1e-9 * (1 + Math.abs(x[0]) + Math.abs(x[1]) + Math.abs(x[2])));
        }
        double[] untouched = {7, 7, 7};
        assertFalse(SmallLinearSystems.solveSymmetric3(1, 0, 0, -1, 0, 1, 1, 1, 1, untouched), "indefinite");
        assertFalse(SmallLinearSystems.solveSymmetric3(1, 1, 0, 1, 0, 1, 1, 1, 1, untouched), "singular");
        assertArrayEquals(new double[] {7, 7, 7}, untouched);
    }
}
