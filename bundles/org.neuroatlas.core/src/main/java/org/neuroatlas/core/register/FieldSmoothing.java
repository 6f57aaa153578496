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
        double[] kernel = kernel(sigmaNodes);
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
        final double[] acc;
        final float[] line;
        final float[] shifted;

        Rows(int nx, int taps) {
            acc = new double[3 * nx];
            line = new float[Math.max(3 * nx, nx + taps - 1)];
            shifted = new float[3 * nx];
        }
    }

    /**
     * One row along x, component by component: the component with its edge nodes repeated, then, tap after tap, the
     * shifted line weighted and added into the sums, so each output value is the same sum, term for term and in kernel
     * order, as over the clamped indices.
     */
    private static void alongX(float[] in, float[] out, int nx, int rowStart, double[] kernel, Rows rows) {
        int r = kernel.length / 2;
        double[] acc = rows.acc;
        float[] line = rows.line;
        float[] shifted = rows.shifted;
        for (int c = 0; c < 3; c++) {
            for (int q = 0; q < nx + 2 * r; q++) {
                line[q] = in[rowStart + 3 * Math.min(Math.max(q - r, 0), nx - 1) + c];
            }
            java.util.Arrays.fill(acc, 0, nx, 0);
            for (int t = 0; t < kernel.length; t++) {
                System.arraycopy(line, t, shifted, 0, nx);
                double k = kernel[t];
                for (int x = 0; x < nx; x++) {
                    acc[x] += k * shifted[x];
                }
            }
            for (int x = 0; x < nx; x++) {
                out[rowStart + 3 * x + c] = (float) acc[x];
            }
        }
    }

    /**
     * Output row (y, z) of a pass along y ({@code axis} 1) or z (2): whole input rows weighted and added in kernel
     * order into the sums, so the inner loop runs over contiguous memory while every output value is still the same
     * sum, term for term, as over the clamped indices along the axis.
     */
    private static void acrossRows(float[] in, float[] out, int nx, int ny, int nz, int y, int z, int axis, double[] kernel, Rows rows) {
        int r = kernel.length / 2;
        int width = 3 * nx;
        double[] acc = rows.acc;
        float[] row = rows.shifted;
        java.util.Arrays.fill(acc, 0);
        for (int t = -r; t <= r; t++) {
            int src = axis == 1 ? (z * ny + Math.min(Math.max(y + t, 0), ny - 1)) * width
                    : (Math.min(Math.max(z + t, 0), nz - 1) * ny + y) * width;
            System.arraycopy(in, src, row, 0, width);
            double k = kernel[t + r];
            for (int i = 0; i < width; i++) {
                acc[i] += k * row[i];
            }
        }
        int dst = (z * ny + y) * width;
        for (int i = 0; i < width; i++) {
            out[dst + i] = (float) acc[i];
        }
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
