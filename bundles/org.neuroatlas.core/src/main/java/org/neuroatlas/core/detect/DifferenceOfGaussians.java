package org.neuroatlas.core.detect;

/**
 * The band-pass enhancement E = G(σ_in) − G(σ_out) of √input, for a box of a volume held as a float array (x
 * fastest).
 * <p>
 * Why the square root: light-sheet images are dominated by shot noise, whose variance grows with brightness; the
 * root makes it about the same everywhere (variance-stabilising), so one noise estimate and one threshold hold in
 * dim and bright tissue alike, and the contrast of a dim cell beside a bright one is compressed less than its
 * neighbour's. Negative inputs count as 0.
 * <p>
 * The box is a window of a larger volume; values are computed only where the kernels fit inside the box or cross
 * the volume's true edge, where the volume is mirrored about its first and last voxel (scipy's "mirror": …, 2, 1,
 * 0, 1, 2, …). Every output value is the same float arithmetic on the same inputs in the same order, whatever the
 * box around it (x pass, then y, then z; within a pass the centre tap, then the symmetric pairs from the innermost
 * out): that is what makes chunked detection exact.
 * <p>
 * Why rows: HotSpot 17 vectorises a loop only if every array in it is indexed by the same expression, so
 * intermediate results live in one array per image row and each pass combines whole rows at equal indices (about
 * 5× faster than the same sums on one flat array with offsets).
 */
final class DifferenceOfGaussians {

    final Gaussian inner;
    final Gaussian outer;
    /** Per axis, the larger of the two kernels' radii: the halo E needs around a region, voxels. */
    final int[] radius = new int[3];

    DifferenceOfGaussians(double sigmaInUm, double sigmaOutUm, double[] voxelUm) {
        inner = new Gaussian(sigmaInUm, voxelUm);
        outer = new Gaussian(sigmaOutUm, voxelUm);
        for (int d = 0; d < 3; d++) {
            radius[d] = Math.max(inner.radius[d], outer.radius[d]);
        }
    }

    /** One worker's scratch, sized for boxes of at most {@code maxX} voxels per row and {@code maxRows} rows. */
    static final class Scratch {
        final float[][] innerRows;
        final float[][] outerRows;
        /** One plane of rows to write the y pass into; swapped with the plane it replaces. */
        final float[][] planeRows;
        final float[][] shifted;
        final float[][] taps;
        final float[] line;
        final float[] rowIn;
        final float[] rowOut;

        Scratch(int maxX, int maxY, int maxRows, int maxRadius) {
            innerRows = new float[maxRows][maxX];
            outerRows = new float[maxRows][maxX];
            planeRows = new float[maxY][maxX];
            shifted = new float[2 * maxRadius + 1][maxX];
            taps = new float[2 * maxRadius + 1][];
            line = new float[maxX + 2 * maxRadius];
            rowIn = new float[maxX];
            rowOut = new float[maxX];
        }
    }

    /**
     * Writes E into {@code dst} on the local region [lo, hi) of {@code box}, from {@code src} (the box's input).
     * The region grown by {@link #radius} must lie inside the box except where it crosses the volume's edge.
     */
    void apply(float[] src, float[] dst, Gaussian.Box box, int[] lo, int[] hi, Scratch s) {
        int nx = box.size[0];
        int ny = box.size[1];
        int zlo = Math.max(0, lo[2] - radius[2]);
        int zhi = Math.min(box.size[2], hi[2] + radius[2]);
        int ylo = Math.max(0, lo[1] - radius[1]);
        int yhi = Math.min(ny, hi[1] + radius[1]);
        int x0 = lo[0];
        int x1 = hi[0];
        int len = x1 - x0;
        // x: each row copied with mirrored padding into a line, then into shifted copies so that tap k of output x
        // sits at index x in shifted[k]
        int rx = radius[0];
        for (int z = zlo; z < zhi; z++) {
            for (int y = ylo; y < yhi; y++) {
                int row = (z * ny + y) * nx;
                // the box's own voxels by copy; only the padding beyond the box (the volume's mirrored edge) one by one
                int from = Math.max(x0 - rx, 0);
                int to = Math.min(x1 + rx, nx);
                System.arraycopy(src, row + from, s.line, from - (x0 - rx), to - from);
                for (int x = x0 - rx; x < from; x++) {
                    s.line[x - (x0 - rx)] = src[row + box.local(0, x)];
                }
                for (int x = to; x < x1 + rx; x++) {
                    s.line[x - (x0 - rx)] = src[row + box.local(0, x)];
                }
                float[] l = s.line;
                for (int i = 0; i < len + 2 * rx; i++) {
                    l[i] = (float) Math.sqrt(Math.max(0f, l[i]));
                }
                for (int k = 0; k <= 2 * rx; k++) {
                    System.arraycopy(s.line, k, s.shifted[k], x0, len);
                }
                int r = z * ny + y;
                convolve(inner.weights[0], inner.radius[0], s.shifted, rx - inner.radius[0], s.innerRows[r], x0, x1);
                convolve(outer.weights[0], outer.radius[0], s.shifted, rx - outer.radius[0], s.outerRows[r], x0, x1);
            }
        }
        // y, plane by plane, into planeRows; the plane's rows are then swapped in (no copy)
        for (int z = zlo; z < zhi; z++) {
            passY(inner, s.innerRows, z, box, lo, hi, s);
            passY(outer, s.outerRows, z, box, lo, hi, s);
        }
        // z, and the difference, row by row into dst
        for (int z = lo[2]; z < hi[2]; z++) {
            for (int y = lo[1]; y < hi[1]; y++) {
                gatherZ(inner, s.innerRows, z, y, box, s.taps);
                convolve(inner.weights[2], inner.radius[2], s.taps, 0, s.rowIn, x0, x1);
                gatherZ(outer, s.outerRows, z, y, box, s.taps);
                convolve(outer.weights[2], outer.radius[2], s.taps, 0, s.rowOut, x0, x1);
                float[] a = s.rowIn;
                float[] b = s.rowOut;
                for (int i = x0; i < x1; i++) {
                    a[i] -= b[i];
                }
                System.arraycopy(a, x0, dst, (z * ny + y) * nx + x0, len);
            }
        }
    }

    private static void passY(Gaussian g, float[][] rows, int z, Gaussian.Box box, int[] lo, int[] hi, Scratch s) {
        int ny = box.size[1];
        int r = g.radius[1];
        for (int y = lo[1]; y < hi[1]; y++) {
            for (int k = 0; k <= 2 * r; k++) {
                s.taps[k] = rows[z * ny + box.local(1, y + k - r)];
            }
            convolve(g.weights[1], r, s.taps, 0, s.planeRows[y], lo[0], hi[0]);
        }
        for (int y = lo[1]; y < hi[1]; y++) {
            float[] t = rows[z * ny + y];
            rows[z * ny + y] = s.planeRows[y];
            s.planeRows[y] = t;
        }
    }

    private static void gatherZ(Gaussian g, float[][] rows, int z, int y, Gaussian.Box box, float[][] taps) {
        int ny = box.size[1];
        int r = g.radius[2];
        for (int k = 0; k <= 2 * r; k++) {
            taps[k] = rows[box.local(2, z + k - r) * ny + y];
        }
    }

    /**
     * out[i] = w[r]·tap r + Σ_{k = r−1 … 0} w[k]·(tap k + tap 2r−k) for i in [x0, x1), tap k being
     * rows[base + k][i]: the kernel is symmetric, so pairs halve the multiplications.
     */
    private static void convolve(float[] w, int r, float[][] rows, int base, float[] out, int x0, int x1) {
        float[] c = rows[base + r];
        float wc = w[r];
        for (int i = x0; i < x1; i++) {
            out[i] = wc * c[i];
        }
        for (int k = r - 1; k >= 0; k--) {
            float[] a = rows[base + k];
            float[] b = rows[base + 2 * r - k];
            float wk = w[k];
            for (int i = x0; i < x1; i++) {
                out[i] += wk * (a[i] + b[i]);
            }
        }
    }
}
