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
        int[] n = {nx, ny, nz};
        int[] stride = {3, 3 * nx, 3 * nx * ny};
        for (int axis = 0; axis < 3; axis++) {
            float[] in = a, out = b;
            int ax = axis, len = n[axis], st = stride[axis];
            Parallel.forEach(nz, z -> pass(in, out, nx, ny, z, ax, len, st, kernel));
            // the first pass must not write into the caller's array; later ones swap the two buffers
            a = out;
            b = in == field ? new float[field.length] : in;
        }
        return a;
    }

    private static void pass(float[] in, float[] out, int nx, int ny, int z, int axis, int len, int stride, double[] kernel) {
        int r = kernel.length / 2;
        for (int y = 0; y < ny; y++) {
            for (int x = 0; x < nx; x++) {
                int node = 3 * ((z * ny + y) * nx + x);
                int pos = axis == 0 ? x : axis == 1 ? y : z;
                int lineStart = node - pos * stride;
                for (int c = 0; c < 3; c++) {
                    double s = 0;
                    for (int t = -r; t <= r; t++) {
                        int q = Math.min(Math.max(pos + t, 0), len - 1);
                        s += kernel[t + r] * in[lineStart + q * stride + c];
                    }
                    out[node + c] = (float) s;
                }
            }
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
