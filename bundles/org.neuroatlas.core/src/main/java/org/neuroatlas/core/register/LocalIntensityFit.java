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
    /** The template pooled 2× ({@link FloatGrid#pooled}): the grid the window's moments are smoothed on. */
    private final FloatGrid coarse;
    private final double coarseSigmaNodes;
    /** E[f] under the window, on the coarse grid: the template does not change between iterations, so it is smoothed once. */
    private final float[] localTemplateMean;

    /**
     * Prepares the fit against template {@code f}. Must run inside the caller's pool (it uses {@link Parallel}).
     * <p>
     * The window (σ of several voxels) is far wider than a voxel, so its moments are smoothed on the template's grid
     * pooled 2× (block means of the per-voxel moments, then σ/2 coarse nodes) and the line's α and β are interpolated
     * (trilinear) back to every voxel: a sixteenth of the work of smoothing at full resolution, which took a third of
     * the demons stage's time.
     *
     * @param sigmaNodes standard deviation of the Gaussian window, in voxels of {@code f}
     */
    LocalIntensityFit(FloatGrid f, double sigmaNodes) {
        this.f = f;
        this.coarse = f.pooled();
        this.coarseSigmaNodes = sigmaNodes / 2;
        localTemplateMean = component(FieldSmoothing.smooth(interleaved(coarse.data, new float[coarse.size()], new float[coarse.size()]), coarse.nx,
                coarse.ny, coarse.nz, coarseSigmaNodes), 0);
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
        float[] m2 = new float[n], mf = new float[n];
        double sum = 0, sum2 = 0;
        for (int i = 0; i < n; i++) {
            m2[i] = m[i] * m[i];
            mf[i] = m[i] * f.data[i];
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
        // the local moments E[m], E[m²], E[m·f]: block means, then smoothed as one interleaved 3-vector field
        float[] em = FieldSmoothing.smooth(interleaved(f.withData(m).pooled().data, f.withData(m2).pooled().data, f.withData(mf).pooled().data),
                coarse.nx, coarse.ny, coarse.nz, coarseSigmaNodes);
        double mean = sum / n, prior = SHRINK * Math.max(sum2 / n - mean * mean, 0);
        int c = coarse.size();
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
        return new float[][] {upsampled(alpha), upsampled(beta)};
    }

    private static float[] interleaved(float[] a, float[] b, float[] c) {
        float[] out = new float[3 * a.length];
        for (int i = 0; i < a.length; i++) {
            out[3 * i] = a[i];
            out[3 * i + 1] = b[i];
            out[3 * i + 2] = c[i];
        }
        return out;
    }

    private static float[] component(float[] interleaved, int c) {
        float[] out = new float[interleaved.length / 3];
        for (int i = 0; i < out.length; i++) {
            out[i] = interleaved[3 * i + c];
        }
        return out;
    }

    /**
     * Values on the coarse grid interpolated (trilinear, edges repeated) at the centres of {@code f}'s voxels: voxel x
     * lies at coarse coordinate (x − ½)/2, as {@link FloatGrid#pooled} places the coarse nodes.
     */
    private float[] upsampled(float[] values) {
        float[] out = new float[f.size()];
        Parallel.forEach(f.nz, z -> {
            int[] zi = new int[2];
            double wz = weights(z, coarse.nz, zi);
            int[] yi = new int[2], xi = new int[2];
            for (int y = 0; y < f.ny; y++) {
                double wy = weights(y, coarse.ny, yi);
                for (int x = 0; x < f.nx; x++) {
                    double wx = weights(x, coarse.nx, xi);
                    double v = 0;
                    for (int k = 0; k < 2; k++) {
                        double fk = k == 0 ? 1 - wz : wz;
                        for (int j = 0; j < 2; j++) {
                            double fj = j == 0 ? 1 - wy : wy;
                            int row = (zi[k] * coarse.ny + yi[j]) * coarse.nx;
                            v += fk * fj * ((1 - wx) * values[row + xi[0]] + wx * values[row + xi[1]]);
                        }
                    }
                    out[f.index(x, y, z)] = (float) v;
                }
            }
        });
        return out;
    }

    /** The two coarse nodes around fine index {@code i} (clamped to the grid) and the weight of the second. */
    private static double weights(int i, int coarseLength, int[] nodes) {
        double u = (i - 0.5) / 2;
        int lo = (int) Math.floor(u);
        double w = u - lo;
        nodes[0] = Math.min(Math.max(lo, 0), coarseLength - 1);
        nodes[1] = Math.min(Math.max(lo + 1, 0), coarseLength - 1);
        return w;
    }
}
