package org.neuroatlas.core.register;

/**
 * The demons stage's intensity match with a gain per voxel, {@code f ≈ α(x)·(m − c)}, fitted by least squares under a
 * Gaussian window: the sample's slow illumination shading (and a real brain's uneven clearing) multiplies its signal
 * by a factor that changes across the brain, and one line for the whole box leaves that residue for the warp to
 * "explain" by displacement. The offset {@code c} (the sample's value where the template is 0: camera offset and
 * background) is the one of the line over the whole box and does not vary, which is why a gain alone suffices.
 * <p>
 * Why not a whole local line (gain and offset per window): with two free parameters a small window absorbs part of
 * the anatomy, most at edges, and weakens the force that aligns them, so the window had to stay wide (σ 6 voxels),
 * too wide to follow the shading. With the gain alone the window can be σ 3 voxels; on simulated brains this cut the
 * count errors of small nuclei by about a third (see {@link NonRigidRegistration.Settings#defaults}).
 * Where the sample is nearly flat under the window (background, ventricles) the local gain is pulled towards the
 * global slope, so it does not blow up.
 */
final class LocalIntensityFit {

    /**
     * Weight of the global slope, as a fraction of the sample's global variance added to the local second moment:
     * small enough to leave textured regions to their local gain, large enough to keep flat ones near the global slope.
     */
    static final double SHRINK = 0.1;

    private final FloatGrid f;
    private final PooledWindow window;
    /** E[f] under the window, on the coarse grid: the template does not change between iterations, so it is smoothed once. */
    private final float[] localTemplateMean;

    /**
     * Prepares the fit against template {@code f}. Must run inside the caller's pool (it uses {@link Parallel}).
     * The window's moments are formed on the grid pooled 2× ({@link PooledWindow}) and the line's α and β
     * interpolated back to every voxel: smoothing them at full resolution took a third of the demons stage's time.
     *
     * @param sigmaNodes standard deviation of the Gaussian window, in voxels of {@code f}
     */
    LocalIntensityFit(FloatGrid f, double sigmaNodes) {
        this.f = f;
        this.window = new PooledWindow(f, sigmaNodes);
        localTemplateMean = component(window.means((i, out) -> {
            out[0] = f.data[i];
            out[1] = out[2] = 0;
        }), 0);
    }

    /**
     * Per-voxel α and β of {@code f ≈ α·m + β} with {@code β = −α·c}. Must run inside the caller's pool (it uses
     * {@link Parallel}).
     *
     * @param m           the warped sample on {@code f}'s grid
     * @param globalAlpha the slope of the one line {@code f ≈ α·m + β} over the box, towards which flat windows are pulled
     * @param globalBeta  that line's intercept: it gives the offset {@code c = −β/α}
     * @return {α, β}, one value per voxel each
     */
    float[][] fit(float[] m, double globalAlpha, double globalBeta) {
        int n = f.size();
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            sum += m[i];
            sum2 += m[i] * (double) m[i];
        }
        if (!(Math.abs(globalAlpha) > 0)) {
            // a flat sample has no offset to take from the line: its global fit (α = 0) everywhere
            float[] alpha = new float[n], beta = new float[n];
            java.util.Arrays.fill(beta, (float) globalBeta);
            return new float[][] {alpha, beta};
        }
        double offset = -globalBeta / globalAlpha;
        // the local moments E[m], E[m²], E[m·f], formed per window block as they are computed
        float[] em = window.means((i, out) -> {
            out[0] = m[i];
            out[1] = m[i] * m[i];
            out[2] = m[i] * f.data[i];
        });
        double mean = sum / n, prior = SHRINK * Math.max(sum2 / n - mean * mean, 0);
        int c = window.coarseSize();
        float[] alpha = new float[c], beta = new float[c];
        for (int i = 0; i < c; i++) {
            // E[(m − c)²] and E[(m − c)·f] from the raw moments
            double m1 = em[3 * i];
            double second = Math.max(em[3 * i + 1] - 2 * offset * m1 + offset * offset, 0);
            double cross = em[3 * i + 2] - offset * localTemplateMean[i];
            double a = second + prior > 0 ? (cross + prior * globalAlpha) / (second + prior) : globalAlpha;
            alpha[i] = (float) a;
            beta[i] = (float) (-a * offset);
        }
        return new float[][] {window.upsampled(alpha), window.upsampled(beta)};
    }

    private static float[] component(float[] interleaved, int c) {
        float[] out = new float[interleaved.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[3 * i + c];
        }
        return out;
    }
}
