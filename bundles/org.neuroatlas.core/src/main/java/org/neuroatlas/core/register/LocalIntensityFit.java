package org.neuroatlas.core.register;

/**
 * The demons stage's intensity match with a line per voxel, {@code f ≈ α(x)·m + β(x)}, fitted by least squares under a
 * Gaussian window: the sample's slow illumination shading (and a real brain's uneven clearing) changes gain and offset
 * across the brain, and one line for the whole box leaves that residue for the warp to "explain" by displacement.
 * Where the sample is nearly flat under the window (background, ventricles) the local slope is pulled towards the
 * global one, so it does not blow up.
 */
final class LocalIntensityFit {

    /**
     * Weight of the global fit, as a fraction of the sample's global variance added to the local one: small enough to
     * leave textured regions to their local slope, large enough to keep flat ones near the global slope.
     */
    static final double SHRINK = 0.1;

    private LocalIntensityFit() {
    }

    /**
     * Per-voxel α and β of {@code f ≈ α·m + β}. Must run inside the caller's pool (it uses {@link Parallel}).
     *
     * @param f           the template
     * @param m           the warped sample on {@code f}'s grid
     * @param globalAlpha the slope of the one line over the box, towards which flat windows are pulled
     * @param sigmaNodes  standard deviation of the Gaussian window, in voxels of {@code f}
     * @return {α, β}, one value per voxel each
     */
    static float[][] fit(FloatGrid f, float[] m, double globalAlpha, double sigmaNodes) {
        int n = f.size();
        // the local moments E[m], E[m²], E[m·f] and E[f], smoothed as two interleaved 3-vector fields
        float[] moments = new float[3 * n], template = new float[3 * n];
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            moments[3 * i] = m[i];
            moments[3 * i + 1] = m[i] * m[i];
            moments[3 * i + 2] = m[i] * f.data[i];
            template[3 * i] = f.data[i];
            sum += m[i];
            sum2 += m[i] * (double) m[i];
        }
        float[] em = FieldSmoothing.smooth(moments, f.nx, f.ny, f.nz, sigmaNodes);
        float[] ef = FieldSmoothing.smooth(template, f.nx, f.ny, f.nz, sigmaNodes);
        double mean = sum / n, prior = SHRINK * Math.max(sum2 / n - mean * mean, 0);
        float[] alpha = new float[n], beta = new float[n];
        for (int i = 0; i < n; i++) {
            double m1 = em[3 * i], var = Math.max(em[3 * i + 1] - m1 * m1, 0), cov = em[3 * i + 2] - m1 * ef[3 * i];
            double a = var + prior > 0 ? (cov + prior * globalAlpha) / (var + prior) : globalAlpha;
            alpha[i] = (float) a;
            beta[i] = (float) (ef[3 * i] - a * m1);
        }
        return new float[][] {alpha, beta};
    }
}
