package org.neuroatlas.core.detect;

/**
 * The local background at single voxels: a Gaussian-weighted mean of the input with σ much larger than a cell,
 * evaluated at a few seeds only. The kernel is truncated at 3σ and sampled about every σ per axis (7 taps per
 * axis, weights normalised to sum 1): 343 taps instead of the full kernel's 31³ for σ = 3.75 voxels. The taps
 * are scattered rows of a large box, so their number, not arithmetic, is the cost (cache misses).
 * The sum runs in one fixed order (z, y, x taps ascending), so a seed's value does not depend on the box around it.
 */
final class LocalBackground {

    static final double TRUNCATE_SIGMAS = 3;

    /** Per axis: tap offsets (voxels) and their weights; each axis's weights sum to 1. */
    final int[][] offsets = new int[3][];
    final float[][] weights = new float[3][];
    /** Largest |offset| per axis, voxels: the halo a box needs around a seed. */
    final int[] radius = new int[3];

    /**
     * @param sigmaUm σ in µm, the same physical σ along every axis
     * @param voxelUm voxel size x, y, z in µm
     */
    LocalBackground(double sigmaUm, double[] voxelUm) {
        for (int d = 0; d < 3; d++) {
            double s = sigmaUm / voxelUm[d];
            int stride = Math.max(1, (int) Math.round(s));
            int taps = (int) Math.ceil(TRUNCATE_SIGMAS * s / stride);
            offsets[d] = new int[2 * taps + 1];
            double[] w = new double[2 * taps + 1];
            double sum = 0;
            for (int k = -taps; k <= taps; k++) {
                int off = k * stride;
                offsets[d][k + taps] = off;
                w[k + taps] = s > 0 ? Math.exp(-0.5 * off * off / (s * s)) : (off == 0 ? 1 : 0);
                sum += w[k + taps];
            }
            weights[d] = new float[w.length];
            for (int k = 0; k < w.length; k++) {
                weights[d][k] = (float) (w[k] / sum);
            }
            radius[d] = taps * stride;
        }
    }

    /** The background at local voxel (x, y, z) of {@code src}, which must hold the box grown by {@link #radius} (or the volume's edge, mirrored). */
    float at(float[] src, Gaussian.Box box, int x, int y, int z) {
        int nx = box.size[0];
        int ny = box.size[1];
        int[] ox = offsets[0];
        int[] oy = offsets[1];
        int[] oz = offsets[2];
        int[] lx = new int[ox.length];
        for (int k = 0; k < ox.length; k++) {
            lx[k] = box.local(0, x + ox[k]);
        }
        float acc = 0f;
        for (int kz = 0; kz < oz.length; kz++) {
            int zz = box.local(2, z + oz[kz]);
            float ySum = 0f;
            for (int ky = 0; ky < oy.length; ky++) {
                int row = (zz * ny + box.local(1, y + oy[ky])) * nx;
                float xSum = 0f;
                for (int kx = 0; kx < ox.length; kx++) {
                    xSum += weights[0][kx] * src[row + lx[kx]];
                }
                ySum += weights[1][ky] * xSum;
            }
            acc += weights[2][kz] * ySum;
        }
        return acc;
    }
}
