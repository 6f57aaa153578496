package org.neuroatlas.core.density.fibre;

/**
 * Sampled 1D Gaussian, first- and second-derivative kernels for one axis, as correlation weights
 * {@code out(x) = Σ_k w[k + r] · in(x + k)}, k = −r … r, truncated at 4σ. The Gaussian sums to 1; the first
 * derivative has Σ w = 0, Σ k·w = 1; the second Σ w = 0, Σ k²·w = 2, so that they return exact derivatives (per voxel)
 * of linear and quadratic images whatever σ — sampled kernels at σ below a voxel would otherwise be biased.
 */
final class Kernels {

    static final double TRUNCATE_SIGMAS = 4;

    final float[] gauss;
    final float[] first;
    final float[] second;
    final int radius;

    /** @param sigmaVoxels σ in voxels along this axis (&gt; 0) */
    Kernels(double sigmaVoxels) {
        int r = Math.max(1, (int) Math.ceil(TRUNCATE_SIGMAS * sigmaVoxels));
        double[] g = new double[2 * r + 1];
        double sum = 0;
        for (int k = -r; k <= r; k++) {
            g[k + r] = Math.exp(-0.5 * k * k / (sigmaVoxels * sigmaVoxels));
            sum += g[k + r];
        }
        double m2 = 0;
        for (int k = -r; k <= r; k++) {
            g[k + r] /= sum;
            m2 += (double) k * k * g[k + r];
        }
        double m4 = 0;
        for (int k = -r; k <= r; k++) {
            m4 += (double) k * k * k * k * g[k + r];
        }
        gauss = new float[2 * r + 1];
        first = new float[2 * r + 1];
        second = new float[2 * r + 1];
        for (int k = -r; k <= r; k++) {
            gauss[k + r] = (float) g[k + r];
            first[k + r] = (float) (k * g[k + r] / m2);
            // (k² − m2)·g has zero sum; its k² moment is m4 − m2², scaled to 2.
            second[k + r] = (float) (2 * (k * k - m2) * g[k + r] / (m4 - m2 * m2));
        }
        radius = r;
    }
}
