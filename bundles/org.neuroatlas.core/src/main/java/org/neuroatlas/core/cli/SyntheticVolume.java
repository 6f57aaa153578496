package org.neuroatlas.core.cli;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.integer.UnsignedShortType;

import org.neuroatlas.core.volume.BlockCache;
import org.neuroatlas.core.volume.LazyVolumes;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Lazily computed uint16 volumes of any size, for benchmarks and memory tests: voxels are computed block by block
 * when read (through the shared, byte-bounded block cache) and never held as a whole.
 */
final class SyntheticVolume {

    private SyntheticVolume() {
    }

    /** A cheap deterministic pattern, plane by plane (read benchmarks). */
    static Volume<UnsignedShortType> uint16(int nx, int ny, long nz, VoxelSize v) {
        RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(new long[] {nx, ny, nz}, new int[] {nx, ny, 1}, PixelType.UINT16,
                (min, size) -> {
                    short[] a = new short[size[0] * size[1]];
                    long z = min[2];
                    for (int i = 0; i < a.length; i++) {
                        a[i] = (short) ((i * 31 + z * 7) & 0x0fff);
                    }
                    return a;
                }, BlockCache.shared(), BlockCache.newOwner());
        return Volume.of(img, v, PixelType.UINT16, "synthetic");
    }

    /**
     * Soma-like Gaussian blobs on a noisy background, so that cell detection has real work to do: one blob per cell
     * of a cubic lattice of {@link #SPACING_UM} µm, its centre jittered by up to ±{@link #JITTER_UM} µm per axis,
     * σ {@link #SIGMA_UM} µm, peak 200–800 above a background of 100–115 (uniform noise). Blobs whose centre lies
     * outside the volume are not drawn, so {@link #centresUm()} is the complete truth. Deterministic: the same size
     * and voxel size give the same voxels.
     */
    static final class Blobs {

        static final double SPACING_UM = 80;
        static final double JITTER_UM = 20;
        static final double SIGMA_UM = 4;
        static final int BACKGROUND = 100;
        /** Blocks the volume is computed in: small enough that a 64 MB heap's cache holds many. */
        static final int[] BLOCK = {64, 64, 16};

        private final long[] dims;
        private final VoxelSize voxel;
        private final long[] lattice = new long[3];

        Blobs(long[] dims, VoxelSize voxel) {
            this.dims = dims.clone();
            this.voxel = voxel;
            for (int d = 0; d < 3; d++) {
                lattice[d] = (long) Math.ceil((dims[d] - 1) * voxel.um(d) / SPACING_UM) + 1;
            }
        }

        /** A volume of about {@code gigabytes} GB (10⁹ bytes): square planes of {@code plane} × {@code plane} voxels. */
        static Blobs ofSize(double gigabytes, int plane, VoxelSize voxel) {
            long planes = Math.max(1, Math.round(gigabytes * 1e9 / (2.0 * plane * plane)));
            return new Blobs(new long[] {plane, plane, planes}, voxel);
        }

        long[] dimensions() {
            return dims.clone();
        }

        Volume<UnsignedShortType> volume() {
            int[] block = new int[3];
            for (int d = 0; d < 3; d++) {
                block[d] = (int) Math.min(BLOCK[d], dims[d]);
            }
            RandomAccessibleInterval<UnsignedShortType> img = LazyVolumes.create(dims, block, PixelType.UINT16, this::block, BlockCache.shared(),
                    BlockCache.newOwner());
            return Volume.of(img, voxel, PixelType.UINT16, "synthetic blobs " + dims[0] + "×" + dims[1] + "×" + dims[2]);
        }

        /** Centres of the drawn blobs, µm, as {x[], y[], z[]}. */
        double[][] centresUm() {
            int n = 0;
            double[][] out = new double[3][1024];
            double[] c = new double[3];
            for (long k = 0; k < lattice[2]; k++) {
                for (long j = 0; j < lattice[1]; j++) {
                    for (long i = 0; i < lattice[0]; i++) {
                        if (centre(i, j, k, c)) {
                            if (n == out[0].length) {
                                for (int d = 0; d < 3; d++) {
                                    out[d] = Arrays.copyOf(out[d], 2 * n);
                                }
                            }
                            for (int d = 0; d < 3; d++) {
                                out[d][n] = c[d];
                            }
                            n++;
                        }
                    }
                }
            }
            for (int d = 0; d < 3; d++) {
                out[d] = Arrays.copyOf(out[d], n);
            }
            return out;
        }

        /** The centre of lattice point (i, j, k) in µm into {@code c}; false if it lies outside the volume (not drawn). */
        private boolean centre(long i, long j, long k, double[] c) {
            long[] idx = {i, j, k};
            for (int d = 0; d < 3; d++) {
                double u = unit(mix(((i * 0x9E3779B97F4A7C15L + j) * 0xC2B2AE3D27D4EB4FL + k) * 4 + d + 1));
                c[d] = (idx[d] + 0.5) * SPACING_UM + JITTER_UM * (2 * u - 1);
                if (c[d] < 0 || c[d] > (dims[d] - 1) * voxel.um(d)) {
                    return false;
                }
            }
            return true;
        }

        private static double amplitude(long i, long j, long k) {
            return 200 + 600 * unit(mix(((i * 0x9E3779B97F4A7C15L + j) * 0xC2B2AE3D27D4EB4FL + k) * 4));
        }

        /** One block of voxels: background noise plus every blob within 4 σ of it. */
        private Object block(long[] min, int[] size) {
            int n = size[0] * size[1] * size[2];
            float[] sum = new float[n];
            double reach = 4 * SIGMA_UM;
            long[] lo = new long[3];
            long[] hi = new long[3];
            for (int d = 0; d < 3; d++) {
                double from = min[d] * voxel.um(d) - reach - JITTER_UM;
                double to = (min[d] + size[d] - 1) * voxel.um(d) + reach + JITTER_UM;
                lo[d] = Math.max(0, (long) Math.floor(from / SPACING_UM));
                hi[d] = Math.min(lattice[d] - 1, (long) Math.floor(to / SPACING_UM));
            }
            double[] c = new double[3];
            double[][] g = new double[3][];
            int[] g0 = new int[3];
            for (long k = lo[2]; k <= hi[2]; k++) {
                for (long j = lo[1]; j <= hi[1]; j++) {
                    for (long i = lo[0]; i <= hi[0]; i++) {
                        if (centre(i, j, k, c) && footprint(c, min, size, reach, g, g0)) {
                            paint(sum, size, g, g0, (float) amplitude(i, j, k));
                        }
                    }
                }
            }
            short[] out = new short[n];
            int at = 0;
            for (int z = 0; z < size[2]; z++) {
                for (int y = 0; y < size[1]; y++) {
                    long row = ((min[2] + z) * dims[1] + min[1] + y) * dims[0] + min[0];
                    for (int x = 0; x < size[0]; x++, at++) {
                        long noise = mix(row + x) >>> 60; // 0..15
                        out[at] = (short) Math.min(65535, Math.round(BACKGROUND + noise + sum[at]));
                    }
                }
            }
            return out;
        }

        /** Per-axis Gaussian factors of a blob over its voxels inside the block; false if it misses the block. */
        private boolean footprint(double[] c, long[] min, int[] size, double reach, double[][] g, int[] g0) {
            for (int d = 0; d < 3; d++) {
                double v = voxel.um(d);
                long a = Math.max(min[d], (long) Math.ceil((c[d] - reach) / v));
                long b = Math.min(min[d] + size[d] - 1, (long) Math.floor((c[d] + reach) / v));
                if (a > b) {
                    return false;
                }
                g0[d] = (int) (a - min[d]);
                g[d] = new double[(int) (b - a + 1)];
                for (int t = 0; t < g[d].length; t++) {
                    double dx = (a + t) * v - c[d];
                    g[d][t] = Math.exp(-dx * dx / (2 * SIGMA_UM * SIGMA_UM));
                }
            }
            return true;
        }

        private static void paint(float[] sum, int[] size, double[][] g, int[] g0, float amplitude) {
            for (int z = 0; z < g[2].length; z++) {
                for (int y = 0; y < g[1].length; y++) {
                    double gzy = amplitude * g[2][z] * g[1][y];
                    int o = ((g0[2] + z) * size[1] + g0[1] + y) * size[0] + g0[0];
                    for (int x = 0; x < g[0].length; x++) {
                        sum[o + x] += (float) (gzy * g[0][x]);
                    }
                }
            }
        }

        /** SplitMix64's finaliser: a well-mixed 64-bit hash of {@code z}. */
        private static long mix(long z) {
            z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
            z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
            return z ^ (z >>> 31);
        }

        /** A hash as a double in [0, 1). */
        private static double unit(long h) {
            return (h >>> 11) * 0x1.0p-53;
        }
    }
}
