package org.neuroatlas.core.register;

/**
 * Means of per-voxel quantities under a Gaussian window of several voxels, for the window fits of the demons stage
 * ({@link LocalIntensityFit}, {@link WindowedGaussNewton}). The window is far wider than a voxel, so the means are
 * formed on the grid pooled 2× ({@link FloatGrid#pooled}: block means of the per-voxel values, then smoothed with σ/2
 * coarse nodes) and interpolated (trilinear) back to the voxels that need them: a sixteenth of the work of smoothing
 * at full resolution. Must run inside the caller's pool (it uses {@link Parallel}).
 */
final class PooledWindow {

    private final FloatGrid fine;
    private final FloatGrid coarse;
    private final double coarseSigmaNodes;

    /**
     * @param fine        the grid the per-voxel quantities live on
     * @param sigmaVoxels standard deviation of the Gaussian window, in voxels of {@code fine}
     */
    PooledWindow(FloatGrid fine, double sigmaVoxels) {
        this.fine = fine;
        this.coarse = fine.pooled();
        this.coarseSigmaNodes = sigmaVoxels / 2;
    }

    /** Coarse nodes (the length of each mean returned by {@link #means}). */
    int coarseSize() {
        return coarse.size();
    }

    /** Three quantities at one voxel of the fine grid, computed where they are needed rather than stored. */
    @FunctionalInterface
    interface VoxelTriple {
        /** Writes the three quantities at voxel {@code index} (x fastest) to {@code out[0..2]}. */
        void at(int index, float[] out);
    }

    /**
     * The window means of three per-voxel quantities given voxel by voxel, on the coarse grid, interleaved per node:
     * no full-resolution array is made for them.
     */
    float[] means(VoxelTriple values) {
        return FieldSmoothing.smooth(blockMeans(values), coarse.nx, coarse.ny, coarse.nz, coarseSigmaNodes);
    }

    /** {@link FloatGrid#pooled} of the three quantities at once (the same sums in the same order), interleaved. */
    private float[] blockMeans(VoxelTriple values) {
        int mx = coarse.nx, my = coarse.ny;
        float[] out = new float[3 * coarse.size()];
        Parallel.forEach(coarse.nz, z -> {
            float[] v = new float[3];
            for (int y = 0; y < my; y++) {
                for (int x = 0; x < mx; x++) {
                    double sa = 0, sb = 0, sc = 0;
                    int count = 0;
                    for (int k = 2 * z; k < Math.min(fine.nz, 2 * z + 2); k++) {
                        for (int j = 2 * y; j < Math.min(fine.ny, 2 * y + 2); j++) {
                            for (int i = 2 * x; i < Math.min(fine.nx, 2 * x + 2); i++) {
                                values.at(fine.index(i, j, k), v);
                                sa += v[0];
                                sb += v[1];
                                sc += v[2];
                                count++;
                            }
                        }
                    }
                    int o = 3 * ((z * my + y) * mx + x);
                    out[o] = (float) (sa / count);
                    out[o + 1] = (float) (sb / count);
                    out[o + 2] = (float) (sc / count);
                }
            }
        });
        return out;
    }

    /**
     * Values on the coarse grid interpolated (trilinear, edges repeated) at the centres of the fine grid's voxels:
     * voxel x lies at coarse coordinate (x − ½)/2, as {@link FloatGrid#pooled} places the coarse nodes.
     */
    float[] upsampled(float[] values) {
        float[] out = new float[fine.size()];
        Parallel.forEach(fine.nz, z -> {
            int[] zi = new int[2];
            double wz = weights(z, coarse.nz, zi);
            int[] yi = new int[2], xi = new int[2];
            for (int y = 0; y < fine.ny; y++) {
                double wy = weights(y, coarse.ny, yi);
                for (int x = 0; x < fine.nx; x++) {
                    double wx = weights(x, coarse.nx, xi);
                    double v = 0;
                    for (int k = 0; k < 2; k++) {
                        double fk = k == 0 ? 1 - wz : wz;
                        for (int j = 0; j < 2; j++) {
                            double fj = j == 0 ? 1 - wy : wy;
                            int row = (zi[k] * coarse.ny + yi[j]) * coarse.nx;
                            v += fk * fj * ((1 - wx) * values[row + xi[0]] + wx * values[row + xi[1]]);
                        }
                    }
                    out[fine.index(x, y, z)] = (float) v;
                }
            }
        });
        return out;
    }

    static float[] interleaved(float[] a, float[] b, float[] c) {
        float[] out = new float[3 * a.length];
        for (int i = 0; i < a.length; i++) {
            out[3 * i] = a[i];
            out[3 * i + 1] = b[i];
            out[3 * i + 2] = c[i];
        }
        return out;
    }

    /** The two coarse nodes around fine index {@code i} (clamped to the grid) and the weight of the second. */
    private static double weights(int i, int coarseLength, int[] nodes) {
        double u = (i - 0.5) / 2;
        int lo = (int) Math.floor(u);
        double w = u - lo;
        nodes[0] = Math.min(Math.max(lo, 0), coarseLength - 1);
        nodes[1] = Math.min(Math.max(lo + 1, 0), coarseLength - 1);
        return w;
    }
}
