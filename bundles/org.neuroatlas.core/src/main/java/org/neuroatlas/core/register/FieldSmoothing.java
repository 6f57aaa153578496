package org.neuroatlas.core.register;

/**
 * Separable Gaussian smoothing of a 3-vector field stored interleaved ({@code u_x, u_y, u_z} per node, x fastest),
 * the regulariser of the demons stage. Edges are repeated (a field is not pulled towards zero at the box's faces).
 * Every output value is a fixed-order sum of input values, written by exactly one work item, so the result is the
 * same whatever the number of threads.
 */
final class FieldSmoothing {

    private FieldSmoothing() {
    }

    /**
     * Smooths all three components with a Gaussian of standard deviation {@code sigmaNodes} (in grid nodes, the same
     * on every axis). Must run inside the caller's pool (it uses {@link Parallel}). {@code sigmaNodes} ≤ 0 returns a copy.
     *
     * @param field interleaved vectors, {@code 3·nx·ny·nz} values; not modified
     */
    static float[] smooth(float[] field, int nx, int ny, int nz, double sigmaNodes) {
        if (!(sigmaNodes > 0)) {
            return field.clone();
        }
        float[] kernel = floatKernel(sigmaNodes);
        float[] a = field, b = new float[field.length];
        for (int axis = 0; axis < 3; axis++) {
            float[] in = a, out = b;
            int ax = axis;
            Parallel.forEach(nz, z -> {
                Rows rows = new Rows(nx, kernel.length);
                for (int y = 0; y < ny; y++) {
                    if (ax == 0) {
                        alongX(in, out, nx, (z * ny + y) * 3 * nx, kernel, rows);
                    } else {
                        acrossRows(in, out, nx, ny, nz, y, z, ax, kernel, rows);
                    }
                }
            });
            // the first pass must not write into the caller's array; later ones swap the two buffers
            a = out;
            b = in == field ? new float[field.length] : in;
        }
        return a;
    }

    /** Per-thread scratch rows: the inner loops read aligned copies so that the JIT vectorises them. */
    private static final class Rows {
        final float[] acc;
        final float[] line;
        final float[] before;
        final float[] after;

        Rows(int nx, int taps) {
            acc = new float[3 * nx];
            line = new float[Math.max(3 * nx, nx + taps - 1)];
            before = new float[3 * nx];
            after = new float[3 * nx];
        }
    }

    /**
     * One row along x, component by component: the component with its edge nodes repeated, then the centre tap and,
     * pair after pair, the two nodes at the same distance added before weighting (the kernel is symmetric: half the
     * multiplications), in float so that twice as many lanes fit a vector register.
     */
    private static void alongX(float[] in, float[] out, int nx, int rowStart, float[] kernel, Rows rows) {
        int r = kernel.length / 2;
        float[] acc = rows.acc;
        float[] line = rows.line;
        float[] before = rows.before;
        float[] after = rows.after;
        for (int c = 0; c < 3; c++) {
            for (int q = 0; q < nx + 2 * r; q++) {
                line[q] = in[rowStart + 3 * Math.min(Math.max(q - r, 0), nx - 1) + c];
            }
            float k0 = kernel[r];
            for (int x = 0; x < nx; x++) {
                acc[x] = k0 * line[x + r];
            }
            for (int t = 1; t <= r; t++) {
                System.arraycopy(line, r - t, before, 0, nx);
                System.arraycopy(line, r + t, after, 0, nx);
                float k = kernel[r + t];
                for (int x = 0; x < nx; x++) {
                    acc[x] += k * (before[x] + after[x]);
                }
            }
            for (int x = 0; x < nx; x++) {
                out[rowStart + 3 * x + c] = acc[x];
            }
        }
    }

    /**
     * Output row (y, z) of a pass along y ({@code axis} 1) or z (2): whole input rows, the two at the same distance
     * added before weighting, into the sums in kernel order, so the inner loop runs over contiguous memory; edge rows
     * are repeated.
     */
    private static void acrossRows(float[] in, float[] out, int nx, int ny, int nz, int y, int z, int axis, float[] kernel, Rows rows) {
        int r = kernel.length / 2;
        int width = 3 * nx;
        float[] acc = rows.acc;
        int centre = (z * ny + y) * width;
        float k0 = kernel[r];
        for (int i = 0; i < width; i++) {
            acc[i] = k0 * in[centre + i];
        }
        for (int t = 1; t <= r; t++) {
            int lo = axis == 1 ? (z * ny + Math.max(y - t, 0)) * width : (Math.max(z - t, 0) * ny + y) * width;
            int hi = axis == 1 ? (z * ny + Math.min(y + t, ny - 1)) * width : (Math.min(z + t, nz - 1) * ny + y) * width;
            float k = kernel[r + t];
            for (int i = 0; i < width; i++) {
                acc[i] += k * (in[lo + i] + in[hi + i]);
            }
        }
        System.arraycopy(acc, 0, out, (z * ny + y) * width, width);
    }

    /** {@link #kernel} in float, the precision the field is stored in. */
    private static float[] floatKernel(double sigma) {
        double[] k = kernel(sigma);
        float[] f = new float[k.length];
        for (int i = 0; i < k.length; i++) {
            f[i] = (float) k[i];
        }
        return f;
    }

    /** Normalised Gaussian weights over ±⌈3σ⌉ nodes. */
    static double[] kernel(double sigma) {
        int r = Math.max(1, (int) Math.ceil(3 * sigma));
        double[] k = new double[2 * r + 1];
        double sum = 0;
        for (int t = -r; t <= r; t++) {
            k[t + r] = Math.exp(-0.5 * t * t / (sigma * sigma));
            sum += k[t + r];
        }
        for (int i = 0; i < k.length; i++) {
            k[i] /= sum;
        }
        return k;
    }
}
