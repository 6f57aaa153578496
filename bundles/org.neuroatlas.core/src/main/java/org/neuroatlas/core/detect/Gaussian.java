package org.neuroatlas.core.detect;

/**
 * Separable anisotropic Gaussian smoothing of a box of a volume held as a float array (x fastest). The box is a
 * window of a larger volume; values are computed only where the kernel fits inside the box or crosses the
 * volume's true edge, where the volume is mirrored about its first and last voxel (scipy's "mirror": …, 2, 1, 0,
 * 1, 2, …). Every output value is the same float sum, over the same inputs in the same order (taps from −r to +r,
 * x pass, then y, then z), whatever the box around it: that is what makes chunked detection exact.
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

    /** Index {@code g} reflected into [0, n) about the first and last voxel (any distance outside). */
    static long mirror(long g, long n) {
        if (g >= 0 && g < n) {
            return g;
        }
        if (n == 1) {
            return 0;
        }
        long period = 2 * (n - 1);
        long j = Math.floorMod(g, period);
        return j >= n ? period - j : j;
    }

    /**
     * Smooths {@code src} (valid on the whole box) into {@code dst} on the local region [lo, hi). The region grown by
     * the kernel radius must lie inside the box except where it crosses the volume's edge.
     *
     * @param box  the box: global origin, size, volume size
     * @param tmp  scratch of at least the box's size; may not alias src or dst
     * @param line scratch of at least max box side + 2 × max radius floats
     */
    void smooth(float[] src, float[] dst, float[] tmp, Box box, int[] lo, int[] hi, float[] line) {
        int nx = box.size[0];
        int ny = box.size[1];
        int nz = box.size[2];
        int zlo = Math.max(0, lo[2] - radius[2]);
        int zhi = Math.min(nz, hi[2] + radius[2]);
        int ylo = Math.max(0, lo[1] - radius[1]);
        int yhi = Math.min(ny, hi[1] + radius[1]);
        // x: rows copied with mirrored padding into a line, then convolved with contiguous reads.
        {
            float[] w = weights[0];
            int r = radius[0];
            int len = hi[0] - lo[0];
            for (int z = zlo; z < zhi; z++) {
                for (int y = ylo; y < yhi; y++) {
                    int row = (z * ny + y) * nx;
                    if (lo[0] - r >= 0 && hi[0] + r <= nx) {
                        System.arraycopy(src, row + lo[0] - r, line, 0, len + 2 * r);
                    } else {
                        for (int i = 0; i < len + 2 * r; i++) {
                            line[i] = src[row + box.local(0, lo[0] + i - r)];
                        }
                    }
                    int o = row + lo[0];
                    for (int i = 0; i < len; i++) {
                        tmp[o + i] = 0f;
                    }
                    for (int k = 0; k <= 2 * r; k++) {
                        float wk = w[k];
                        for (int i = 0; i < len; i++) {
                            tmp[o + i] += wk * line[i + k];
                        }
                    }
                }
            }
        }
        // y: whole rows of x-smoothed values, weighted and summed; the tap order per voxel stays −r … +r.
        {
            float[] w = weights[1];
            int r = radius[1];
            for (int z = zlo; z < zhi; z++) {
                for (int y = lo[1]; y < hi[1]; y++) {
                    int o = (z * ny + y) * nx;
                    for (int x = lo[0]; x < hi[0]; x++) {
                        dst[o + x] = 0f;
                    }
                    for (int k = 0; k <= 2 * r; k++) {
                        float wk = w[k];
                        int s = (z * ny + box.local(1, y + k - r)) * nx;
                        for (int x = lo[0]; x < hi[0]; x++) {
                            dst[o + x] += wk * tmp[s + x];
                        }
                    }
                }
            }
        }
        // z: back into tmp, then copied to dst; both passes above must not be overwritten while read.
        {
            float[] w = weights[2];
            int r = radius[2];
            for (int z = lo[2]; z < hi[2]; z++) {
                for (int y = lo[1]; y < hi[1]; y++) {
                    int o = (z * ny + y) * nx;
                    for (int x = lo[0]; x < hi[0]; x++) {
                        tmp[o + x] = 0f;
                    }
                    for (int k = 0; k <= 2 * r; k++) {
                        float wk = w[k];
                        int s = (box.local(2, z + k - r) * ny + y) * nx;
                        for (int x = lo[0]; x < hi[0]; x++) {
                            tmp[o + x] += wk * dst[s + x];
                        }
                    }
                }
            }
            for (int z = lo[2]; z < hi[2]; z++) {
                for (int y = lo[1]; y < hi[1]; y++) {
                    int o = (z * ny + y) * nx + lo[0];
                    System.arraycopy(tmp, o, dst, o, hi[0] - lo[0]);
                }
            }
        }
    }

    /**
     * The smoothed value at one local voxel, computed with exactly the arithmetic of {@link #smooth} (so equal to
     * it bit for bit) but touching only the (2r+1)³ inputs around it: for measurements at a few voxels with a wide
     * kernel.
     */
    float at(float[] src, Box box, int x, int y, int z) {
        int nx = box.size[0];
        int ny = box.size[1];
        int rx = radius[0];
        int ry = radius[1];
        int rz = radius[2];
        float[] wx = weights[0];
        float[] wy = weights[1];
        float[] wz = weights[2];
        float acc = 0f;
        for (int kz = 0; kz <= 2 * rz; kz++) {
            int zz = box.local(2, z + kz - rz);
            float yAcc = 0f;
            for (int ky = 0; ky <= 2 * ry; ky++) {
                int row = (zz * ny + box.local(1, y + ky - ry)) * nx;
                float xAcc = 0f;
                for (int kx = 0; kx <= 2 * rx; kx++) {
                    xAcc += wx[kx] * src[row + box.local(0, x + kx - rx)];
                }
                yAcc += wy[ky] * xAcc;
            }
            acc += wz[kz] * yAcc;
        }
        return acc;
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
                g = mirror(g, volume[d]);
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
