package org.neuroatlas.core.register;

import org.neuroatlas.core.Progress;

/**
 * One pyramid level of {@link NonRigidRegistration}: the template {@code f} and the sample {@code m} at one
 * resolution, and the demons iterations on a field over {@code f}'s grid. Must run inside the caller's thread pool
 * (it uses {@link Parallel}).
 */
final class DemonsLevel {

    /** Below this squared force denominator (intensity²/µm²) a voxel has no usable gradient and does not move. */
    private static final double MIN_DENOMINATOR = 1e-12;

    private final FloatGrid f;
    private final FloatGrid m;
    /** A row-major and b, atlas µm → sample µm. */
    private final double[] a;
    private final double[] b;
    private final double fluidSigma;
    private final double diffusionSigma;
    /** Window of the local gain ({@link LocalIntensityFit}), voxels of this level; ≤ 0: one line for the whole box. */
    private final double intensitySigma;
    /** Made on the first iteration, inside the registration's pool. */
    private LocalIntensityFit localFit;
    /** Window of the refinement steps ({@link WindowedGaussNewton}), voxels of this level. */
    private final double refineSigma;
    /** Made on the first refinement step, inside the registration's pool. */
    private WindowedGaussNewton refiner;
    /** ∇f per µm, interleaved. */
    private final float[] gradF;
    /** σ² of Thirion's force normalisation, µm²: the largest step is σ/2. */
    private final double stepSigma2;

    /**
     * @param refineSigmaVoxels window of the refinement steps ({@link WindowedGaussNewton}), voxels of this level
     */
    DemonsLevel(FloatGrid template, FloatGrid sample, AffineMap affine, double fluidSigmaVoxels, double diffusionSigmaVoxels,
            double intensitySigmaVoxels, double refineSigmaVoxels) {
        this.f = template;
        this.m = sample;
        double[] t = affine.toArray();
        this.a = new double[] {t[0], t[1], t[2], t[4], t[5], t[6], t[8], t[9], t[10]};
        this.b = new double[] {t[3], t[7], t[11]};
        this.fluidSigma = fluidSigmaVoxels;
        this.diffusionSigma = diffusionSigmaVoxels;
        this.intensitySigma = intensitySigmaVoxels;
        this.refineSigma = refineSigmaVoxels;
        this.gradF = gradient(template);
        double s = Math.min(template.spacingUm[0], Math.min(template.spacingUm[1], template.spacingUm[2]));
        this.stepSigma2 = s * s;
    }

    /**
     * Runs {@code iterations} demons steps, then {@code refinements} refinement steps ({@link WindowedGaussNewton}),
     * starting from {@code start} (resampled onto this level's grid; null: zero), and returns the field on this
     * level's grid.
     */
    DisplacementField run(DisplacementField start, int iterations, int refinements, Progress progress) {
        int nx = f.nx, ny = f.ny, nz = f.nz, n = f.size();
        int[] dims = {nx, ny, nz};
        int steps = iterations + refinements;
        float[] u = start == null ? new float[3 * n] : resampled(start);
        float[] mw = new float[n];
        float[] h = new float[3 * n];
        float[] d = new float[n];
        float[] g = new float[3 * n];
        for (int it = 0; it < steps; it++) {
            progress.checkCanceled();
            final float[] cur = u;
            Parallel.forEach(nz, z -> warpPlane(cur, z, mw, h));
            float[][] fit = intensityFit(mw);
            Parallel.forEach(nz, z -> residualPlane(mw, h, fit[0], fit[1], z, d, g));
            float[] step = it < iterations ? demonsStep(d, g) : refinementStep(d, g);
            DisplacementField old = DisplacementField.wrap(f.originUm, f.spacingUm, dims, cur);
            float[] composed = new float[3 * n];
            Parallel.forEach(nz, z -> composePlane(old, step, z, composed));
            u = FieldSmoothing.smooth(composed, nx, ny, nz, diffusionSigma);
            progress.report((it + 1.0) / steps, null);
        }
        return DisplacementField.wrap(f.originUm, f.spacingUm, dims, u);
    }

    /** Thirion's force at every voxel, smoothed ("fluid" regularisation). */
    private float[] demonsStep(float[] d, float[] g) {
        float[] du = new float[3 * f.size()];
        Parallel.forEach(f.nz, z -> forcePlane(d, g, z, du));
        return FieldSmoothing.smooth(du, f.nx, f.ny, f.nz, fluidSigma);
    }

    /** The windowed Gauss–Newton step, with the demons step's voxel size σ. */
    private float[] refinementStep(float[] d, float[] g) {
        if (refiner == null) {
            refiner = new WindowedGaussNewton(f, refineSigma);
        }
        return refiner.step(d, g, Math.sqrt(stepSigma2));
    }

    /** The warped sample {@code m(A·(x + u) + b)} and its gradient carried into atlas axes, {@code Aᵀ∇m}. */
    private void warpPlane(float[] u, int z, float[] mw, float[] h) {
        double[] gv = new double[4];
        for (int y = 0, i = f.index(0, 0, z); y < f.ny; y++) {
            for (int x = 0; x < f.nx; x++, i++) {
                double p0 = f.originUm[0] + x * f.spacingUm[0] + u[3 * i];
                double p1 = f.originUm[1] + y * f.spacingUm[1] + u[3 * i + 1];
                double p2 = f.originUm[2] + z * f.spacingUm[2] + u[3 * i + 2];
                m.sample(a[0] * p0 + a[1] * p1 + a[2] * p2 + b[0], a[3] * p0 + a[4] * p1 + a[5] * p2 + b[1],
                        a[6] * p0 + a[7] * p1 + a[8] * p2 + b[2], gv);
                mw[i] = (float) gv[0];
                h[3 * i] = (float) (a[0] * gv[1] + a[3] * gv[2] + a[6] * gv[3]);
                h[3 * i + 1] = (float) (a[1] * gv[1] + a[4] * gv[2] + a[7] * gv[3]);
                h[3 * i + 2] = (float) (a[2] * gv[1] + a[5] * gv[2] + a[8] * gv[3]);
            }
        }
    }

    /**
     * Per-voxel {α, β} of the intensity match {@code f ≈ α·mw + β}: the local gain of {@link LocalIntensityFit} when
     * the level has a window, else the one line over the box everywhere.
     */
    private float[][] intensityFit(float[] mw) {
        double[] global = globalFit(mw);
        if (intensitySigma > 0) {
            if (localFit == null) {
                localFit = new LocalIntensityFit(f, intensitySigma);
            }
            return localFit.fit(mw, global[0], global[1]);
        }
        float[] alpha = new float[f.size()], beta = new float[f.size()];
        java.util.Arrays.fill(alpha, (float) global[0]);
        java.util.Arrays.fill(beta, (float) global[1]);
        return new float[][] {alpha, beta};
    }

    /**
     * The least-squares line {@code f ≈ α·mw + β} over the box, as {α, β}: the template and the sample have
     * different intensity scales, and matching them this way makes the squared difference follow the NCC.
     */
    private double[] globalFit(float[] mw) {
        double[][] planes = new double[f.nz][];
        int plane = f.nx * f.ny;
        Parallel.forEach(f.nz, z -> {
            double[] s = new double[4];
            for (int i = z * plane; i < (z + 1) * plane; i++) {
                double fv = f.data[i], mv = mw[i];
                s[0] += mv;
                s[1] += fv;
                s[2] += mv * mv;
                s[3] += mv * fv;
            }
            planes[z] = s;
        });
        double[] s = new double[4];
        for (double[] p : planes) {
            for (int k = 0; k < 4; k++) {
                s[k] += p[k];
            }
        }
        double count = f.size();
        double mm = s[0] / count, fm = s[1] / count;
        double var = s[2] / count - mm * mm, cov = s[3] / count - mm * fm;
        double alpha = var > 0 ? cov / var : 0;
        return new double[] {alpha, fm - alpha * mm};
    }

    /**
     * The residual {@code d = f − (α·mw + β)} and the symmetric gradient {@code g = (∇f + α·Aᵀ∇m)/2} (per µm) at every
     * voxel of plane {@code z}.
     */
    private void residualPlane(float[] mw, float[] h, float[] alphas, float[] betas, int z, float[] d, float[] g) {
        int plane = f.nx * f.ny;
        for (int i = z * plane; i < (z + 1) * plane; i++) {
            double alpha = alphas[i];
            d[i] = (float) (f.data[i] - (alpha * mw[i] + betas[i]));
            for (int k = 0; k < 3; k++) {
                g[3 * i + k] = (float) (0.5 * (gradF[3 * i + k] + alpha * h[3 * i + k]));
            }
        }
    }

    /** Thirion's force with the symmetric gradient, bounded to half a voxel. */
    private void forcePlane(float[] d, float[] g, int z, float[] du) {
        int plane = f.nx * f.ny;
        for (int i = z * plane; i < (z + 1) * plane; i++) {
            double di = d[i], g0 = g[3 * i], g1 = g[3 * i + 1], g2 = g[3 * i + 2];
            double den = g0 * g0 + g1 * g1 + g2 * g2 + di * di / stepSigma2;
            if (den < MIN_DENOMINATOR) {
                continue;
            }
            double s = di / den;
            du[3 * i] = (float) (s * g0);
            du[3 * i + 1] = (float) (s * g1);
            du[3 * i + 2] = (float) (s * g2);
        }
    }

    /** {@code W ∘ (id + δ)}: the new displacement at x is {@code δ(x) + u(x + δ(x))}. */
    private void composePlane(DisplacementField old, float[] step, int z, float[] out) {
        double[] v = new double[3];
        for (int y = 0, i = f.index(0, 0, z); y < f.ny; y++) {
            for (int x = 0; x < f.nx; x++, i++) {
                double d0 = step[3 * i], d1 = step[3 * i + 1], d2 = step[3 * i + 2];
                old.displacement(f.originUm[0] + x * f.spacingUm[0] + d0, f.originUm[1] + y * f.spacingUm[1] + d1,
                        f.originUm[2] + z * f.spacingUm[2] + d2, v);
                out[3 * i] = (float) (d0 + v[0]);
                out[3 * i + 1] = (float) (d1 + v[1]);
                out[3 * i + 2] = (float) (d2 + v[2]);
            }
        }
    }

    /** A coarser level's field looked up at this level's nodes (trilinear, held constant beyond its edge). */
    private float[] resampled(DisplacementField coarse) {
        float[] u = new float[3 * f.size()];
        Parallel.forEach(f.nz, z -> {
            double[] v = new double[3];
            for (int y = 0, i = f.index(0, 0, z); y < f.ny; y++) {
                for (int x = 0; x < f.nx; x++, i++) {
                    coarse.displacement(f.originUm[0] + x * f.spacingUm[0], f.originUm[1] + y * f.spacingUm[1],
                            f.originUm[2] + z * f.spacingUm[2], v);
                    u[3 * i] = (float) v[0];
                    u[3 * i + 1] = (float) v[1];
                    u[3 * i + 2] = (float) v[2];
                }
            }
        });
        return u;
    }

    /** Central differences per µm (one-sided at the faces), interleaved. */
    private static float[] gradient(FloatGrid g) {
        float[] out = new float[3 * g.size()];
        int[] n = {g.nx, g.ny, g.nz};
        int[] stride = {1, g.nx, g.nx * g.ny};
        for (int z = 0, i = 0; z < g.nz; z++) {
            for (int y = 0; y < g.ny; y++) {
                for (int x = 0; x < g.nx; x++, i++) {
                    int[] pos = {x, y, z};
                    for (int d = 0; d < 3; d++) {
                        if (n[d] < 2) {
                            continue;
                        }
                        int lo = pos[d] > 0 ? i - stride[d] : i, hi = pos[d] < n[d] - 1 ? i + stride[d] : i;
                        double steps = (hi - lo) / (double) stride[d];
                        out[3 * i + d] = (float) ((g.data[hi] - g.data[lo]) / (steps * g.spacingUm[d]));
                    }
                }
            }
        }
        return out;
    }

    /**
     * NCC of {@code template} and {@code sample} looked up at {@code A·(x + u(x)) + b} over {@code mask}; {@code u}
     * null means the affine map alone. Must run inside the caller's pool.
     */
    static double ncc(FloatGrid template, FloatGrid sample, boolean[] mask, AffineMap affine, DisplacementField u) {
        return correlation(template, template.data, warpedSample(template, sample, mask, affine, u), mask);
    }

    /**
     * {@code sample} looked up (trilinear) at {@code A·(x + u(x)) + b} for every voxel x of {@code grid} inside
     * {@code mask}, 0 outside it; {@code u} null means the affine map alone. Must run inside the caller's pool.
     */
    static float[] warpedSample(FloatGrid grid, FloatGrid sample, boolean[] mask, AffineMap affine, DisplacementField u) {
        float[] out = new float[grid.size()];
        Parallel.forEach(grid.nz, z -> {
            double[] p = new double[3], v = new double[3], xs = new double[3], gv = new double[1];
            for (int y = 0, i = grid.index(0, 0, z); y < grid.ny; y++) {
                for (int x = 0; x < grid.nx; x++, i++) {
                    if (!mask[i]) {
                        continue;
                    }
                    p[0] = grid.originUm[0] + x * grid.spacingUm[0];
                    p[1] = grid.originUm[1] + y * grid.spacingUm[1];
                    p[2] = grid.originUm[2] + z * grid.spacingUm[2];
                    if (u != null) {
                        u.displacement(p, v);
                        for (int d = 0; d < 3; d++) {
                            p[d] += v[d];
                        }
                    }
                    affine.apply(p, xs);
                    sample.sample(xs[0], xs[1], xs[2], gv);
                    out[i] = (float) gv[0];
                }
            }
        });
        return out;
    }

    /**
     * Pearson correlation of {@code a} and {@code b} (values on {@code grid}) over {@code mask}; NaN if either is
     * constant there. Sums are formed per plane and added in plane order, so the result does not depend on the thread
     * count. Must run inside the caller's pool.
     */
    static double correlation(FloatGrid grid, float[] a, float[] b, boolean[] mask) {
        int plane = grid.nx * grid.ny;
        double[][] planes = new double[grid.nz][];
        Parallel.forEach(grid.nz, z -> {
            double[] s = new double[6];
            for (int i = z * plane; i < (z + 1) * plane; i++) {
                if (!mask[i]) {
                    continue;
                }
                double fv = a[i], mv = b[i];
                s[0]++;
                s[1] += fv;
                s[2] += mv;
                s[3] += fv * fv;
                s[4] += mv * mv;
                s[5] += fv * mv;
            }
            planes[z] = s;
        });
        double[] s = new double[6];
        for (double[] pl : planes) {
            for (int k = 0; k < 6; k++) {
                s[k] += pl[k];
            }
        }
        double n = s[0];
        double vf = s[3] - s[1] * s[1] / n, vm = s[4] - s[2] * s[2] / n, c = s[5] - s[1] * s[2] / n;
        return vf > 0 && vm > 0 ? c / Math.sqrt(vf * vm) : Double.NaN;
    }
}
