package org.neuroatlas.core.register;

/**
 * The refinement step of the demons stage: at every voxel, the Gauss–Newton step of the intensity residual over a
 * Gaussian window around it (the Lucas–Kanade form of the demons step),
 * {@code (Σ_w ω·g·gᵀ + λ·I)·δ = Σ_w ω·d·g}, with {@code d} the residual and {@code g} the symmetric gradient of the
 * demons force.
 * <p>
 * <b>Why.</b> The demons step divides each voxel's force by that voxel's own squared gradient before smoothing, so
 * faintly textured voxels push as hard as edges, and the field it settles on is not the least-squares optimum. On
 * simulated brains it left a smooth error of 5–15 µm over whole millimetres (the ventral hypothalamus moved as one,
 * ARH losing up to 11 % of its cells), although at the true transform shifting those regions did not lower the
 * residual. The windowed normal equations weight each voxel by its gradient, which removes that error, and the 3×3
 * system resolves the aperture problem along straight edges.
 * <p>
 * <b>Robust weight</b> {@code ω = s²} with {@code s = |g|² / (|g|² + d²/σ²)}, σ the voxel size: {@code s} is the
 * share of a voxel's residual that a displacement within one voxel can explain (Thirion's bound on the demons step).
 * Voxels whose residual no small shift could explain (tissue missing from the sample, contrast the template does not
 * share) hardly count: their pull falls as {@code 1/d³}. Without the weight the step pulled a real brain's olfactory
 * bulb apart (Jacobian up to 2.9); with {@code s} alone (pull falling as {@code 1/d}) a slab of missing tissue still
 * pulled about as hard as the tissue around it.
 * <p>
 * <b>Ridge</b> λ = {@value #RIDGE} × the mean trace of the windowed {@code ω·g·gᵀ} over the box: where a window
 * holds almost no gradient (background) or gradient along one direction only, the step stays near zero along the
 * unconstrained directions instead of following noise. Steps are bounded to half a voxel, as the demons step is.
 * <p>
 * The window's sums are formed on the grid pooled 2× ({@link PooledWindow}).
 */
final class WindowedGaussNewton {

    /** Ridge weight λ, as a fraction of the box's mean trace of the windowed, weighted gradient outer product. */
    static final double RIDGE = 0.01;

    private final PooledWindow window;

    /**
     * @param grid        the grid of the residuals and of the step (the template's at this level)
     * @param sigmaVoxels standard deviation of the Gaussian window, in voxels of {@code grid}
     */
    WindowedGaussNewton(FloatGrid grid, double sigmaVoxels) {
        this.window = new PooledWindow(grid, sigmaVoxels);
    }

    /**
     * The step δ at every voxel, atlas µm, interleaved. Must run inside the caller's pool (it uses {@link Parallel}).
     *
     * @param residual {@code d} per voxel (template minus the intensity-matched warped sample)
     * @param gradient {@code g} per voxel, per µm, interleaved
     * @param voxelUm  the voxel size σ, µm: scale of the robust weight; steps are bounded to σ/2
     */
    float[] step(float[] residual, float[] gradient, double voxelUm) {
        double inverseSigma2 = 1 / (voxelUm * voxelUm);
        // the nine weighted products are summed per window block as they are computed: nine full-size arrays would
        // add 36 bytes per template voxel (2.8 GB at 25 µm)
        float[] a = window.means((i, out) -> weightedProducts(residual, gradient, inverseSigma2, i, FIRST_ROW, out));
        float[] b = window.means((i, out) -> weightedProducts(residual, gradient, inverseSigma2, i, LOWER_RIGHT, out));
        float[] r = window.means((i, out) -> weightedProducts(residual, gradient, inverseSigma2, i, RIGHT_HAND_SIDE, out));
        int c = window.coarseSize();
        double trace = 0;
        for (int i = 0; i < c; i++) {
            trace += a[3 * i] + b[3 * i] + b[3 * i + 2];
        }
        double ridge = RIDGE * trace / c, maxStepUm = voxelUm / 2;
        float[] sx = new float[c], sy = new float[c], sz = new float[c];
        double[] s = new double[3];
        for (int i = 0; i < c; i++) {
            if (SmallLinearSystems.solveSymmetric3(a[3 * i] + ridge, a[3 * i + 1], a[3 * i + 2], b[3 * i] + ridge, b[3 * i + 1],
                    b[3 * i + 2] + ridge, r[3 * i], r[3 * i + 1], r[3 * i + 2], s)) {
                double length = Math.sqrt(s[0] * s[0] + s[1] * s[1] + s[2] * s[2]);
                double k = length > maxStepUm ? maxStepUm / length : 1;
                sx[i] = (float) (k * s[0]);
                sy[i] = (float) (k * s[1]);
                sz[i] = (float) (k * s[2]);
            }
        }
        return PooledWindow.interleaved(window.upsampled(sx), window.upsampled(sy), window.upsampled(sz));
    }

    /** Which three of the nine weighted products {@link #weightedProducts} gives. */
    private static final int FIRST_ROW = 0, LOWER_RIGHT = 1, RIGHT_HAND_SIDE = 2;

    /**
     * Three of the weighted products at voxel {@code i}: {@link #FIRST_ROW} of {@code ω·g·gᵀ} (xx, xy, xz), the rest
     * of its upper triangle ({@link #LOWER_RIGHT}: yy, yz, zz) or the right-hand side ({@link #RIGHT_HAND_SIDE}:
     * {@code ω·d·g}).
     */
    private static void weightedProducts(float[] residual, float[] gradient, double inverseSigma2, int i, int part, float[] out) {
        double g0 = gradient[3 * i], g1 = gradient[3 * i + 1], g2 = gradient[3 * i + 2], d = residual[i];
        double gg = g0 * g0 + g1 * g1 + g2 * g2;
        double den = gg + d * d * inverseSigma2;
        if (!(den > 0)) {
            out[0] = out[1] = out[2] = 0;
            return;
        }
        double share = gg / den, w = share * share;
        if (part == RIGHT_HAND_SIDE) {
            out[0] = (float) (w * d * g0);
            out[1] = (float) (w * d * g1);
            out[2] = (float) (w * d * g2);
        } else if (part == FIRST_ROW) {
            out[0] = (float) (w * g0 * g0);
            out[1] = (float) (w * g0 * g1);
            out[2] = (float) (w * g0 * g2);
        } else {
            out[0] = (float) (w * g1 * g1);
            out[1] = (float) (w * g1 * g2);
            out[2] = (float) (w * g2 * g2);
        }
    }
}
