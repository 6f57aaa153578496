package org.neuroatlas.core.detect;

/**
 * A separable anisotropic Gaussian kernel (per-axis weights, truncated at 4σ, each summing to 1), and the
 * {@link Box} that filters run on. Filtering itself is in {@link DifferenceOfGaussians}.
 */
final class Gaussian {

    /** Kernels are truncated at this many σ. */
    static final double TRUNCATE_SIGMAS = 4;

    /** Per-axis kernels, weights w[0 … 2r] for taps −r … +r, each summing to 1. */
    final float[][] weights = new float[3][];
    final int[] radius = new int[3];

    /**
     * @param sigmaUm σ in µm (the same physical σ along every axis)
     * @param voxelUm voxel size along x, y, z in µm
     */
    Gaussian(double sigmaUm, double[] voxelUm) {
        for (int d = 0; d < 3; d++) {
            double s = sigmaUm / voxelUm[d];
            int r = (int) Math.ceil(TRUNCATE_SIGMAS * s);
            double[] w = new double[2 * r + 1];
            double sum = 0;
            for (int k = -r; k <= r; k++) {
                w[k + r] = s > 0 ? Math.exp(-0.5 * k * k / (s * s)) : (k == 0 ? 1 : 0);
                sum += w[k + r];
            }
            weights[d] = new float[2 * r + 1];
            for (int k = 0; k < w.length; k++) {
                weights[d][k] = (float) (w[k] / sum);
            }
            radius[d] = r;
        }
    }


    /**
     * A box of a volume: global origin and size in voxels, and the volume's size. Local indices that fall outside
     * the volume are mirrored at the volume's edge.
     */
    static final class Box {
        final long[] origin;
        final int[] size;
        final long[] volume;

        Box(long[] origin, int[] size, long[] volume) {
            this.origin = origin.clone();
            this.size = size.clone();
            this.volume = volume.clone();
        }

        int voxels() {
            return Math.multiplyExact(Math.multiplyExact(size[0], size[1]), size[2]);
        }

        /** Local index along {@code d} of local position {@code i} (which may lie outside the box), mirrored at the volume's edges. */
        int local(int d, int i) {
            long g = origin[d] + i;
            if (g < 0 || g >= volume[d]) {
                g = MirrorBoundary.index(g, volume[d]);
            }
            long l = g - origin[d];
            if (l < 0 || l >= size[d]) {
                throw new IllegalStateException("filter reads outside its box: axis " + d + " position " + g + " not in [" + origin[d] + ", "
                        + (origin[d] + size[d]) + ")");
            }
            return (int) l;
        }
    }
}
