package org.neuroatlas.core.register;

import java.util.concurrent.ForkJoinPool;

import org.neuroatlas.core.Progress;

/**
 * Maximises the normalised cross-correlation (NCC) between the template {@code f} and the sample {@code g}
 * resampled (trilinearly) at {@code φ(x) = A₀·T(x) + b₀} over a mask of template voxels, by Levenberg–Marquardt.
 * <p>
 * {@code A₀·x + b₀} is the fixed initial guess (axis permutation and flips from the orientation codes, centroid
 * translation); the optimised part is an atlas-space map about the centre {@code c}:
 * {@code T(x) = L·(x − c) + c + t}. Maximising NCC² is the same as minimising the residual of the best linear fit
 * {@code f ≈ α·g(φ) + β} (the template's variance is fixed), so each iteration fits α, β in closed form and takes
 * a Gauss–Newton step on that residual. Steps are compositional: with {@code y = T(x) − c} the update is
 * {@code T ← (I + D)·y + c + δt} for the affine model and {@code T ← R(ω)·y + c + δt} for the rigid one (so it
 * stays exactly rigid), and the derivative of {@code g(φ)} along a parameter is {@code h · ∂y}, with
 * {@code h = A₀ᵀ∇g}: {@code y × h} for ω, {@code h_j·y_k} for {@code D_jk}, {@code h} for δt.
 * <p>
 * Deterministic: the sums over voxels are formed per template plane (each plane on one thread, in voxel order)
 * and added in plane order, so the result does not depend on the number of threads.
 */
final class LinearOptimizer {

    enum Model {
        RIGID(6), AFFINE(12);

        final int parameters;

        Model(int parameters) {
            this.parameters = parameters;
        }
    }

    /** One pyramid level: template, mask of the voxels that count, and the sample, all at one resolution. */
    record Level(FloatGrid template, boolean[] mask, FloatGrid sample) {
    }

    /** The optimised part {@code T(x) = L·(x − c) + c + t}: L row-major, t in µm. */
    record Pose(double[] l, double[] t) {

        static Pose scaled(double s) {
            return new Pose(new double[] {s, 0, 0, 0, s, 0, 0, 0, s}, new double[3]);
        }
    }

    /** Stop a level when an accepted step gains less NCC than this. */
    static final double NCC_TOLERANCE = 1e-6;
    static final int MAX_ITERATIONS = 60;
    private static final double INITIAL_DAMPING = 1e-3;
    private static final double MAX_DAMPING = 1e8;

    /** Sums per plane: count, Σf, Σg, Σf², Σg², Σfg, then Σssᵀ (p×p), Σs·f, Σs·g, Σs. */
    private static final int SCALARS = 6;

    private final double[] a0;
    private final double[] b0;
    private final double[] centreUm;
    private final ForkJoinPool pool;

    /**
     * @param initial  the initial guess {@code x → A₀·x + b₀}, atlas µm → sample µm
     * @param centreUm the centre {@code c} about which L acts, atlas µm (the template brain's centroid, so that
     *                 rotations and translations are nearly independent)
     * @param pool     threads for the sums
     */
    LinearOptimizer(AffineMap initial, double[] centreUm, ForkJoinPool pool) {
        double[] m = initial.toArray();
        this.a0 = new double[] {m[0], m[1], m[2], m[4], m[5], m[6], m[8], m[9], m[10]};
        this.b0 = new double[] {m[3], m[7], m[11]};
        this.centreUm = centreUm.clone();
        this.pool = pool;
    }

    /** The whole map {@code x_a → A₀·T(x_a) + b₀}, atlas µm → sample µm. */
    AffineMap toAffine(Pose p) {
        double[] l = p.l;
        double[] c = centreUm;
        double[] m = new double[12];
        for (int r = 0; r < 3; r++) {
            m[4 * r] = l[3 * r];
            m[4 * r + 1] = l[3 * r + 1];
            m[4 * r + 2] = l[3 * r + 2];
            m[4 * r + 3] = c[r] - (l[3 * r] * c[0] + l[3 * r + 1] * c[1] + l[3 * r + 2] * c[2]) + p.t[r];
        }
        double[] a = a0;
        AffineMap initial = AffineMap.of(a[0], a[1], a[2], b0[0], a[3], a[4], a[5], b0[1], a[6], a[7], a[8], b0[2]);
        return AffineMap.of(m).andThen(initial);
    }

    /** NCC of template and resampled sample over the level's mask; NaN if either is constant there. */
    double ncc(Level level, Pose pose) {
        return new Sums(sum(level, pose, null), 0).ncc();
    }

    /**
     * Improves {@code pose} on one level until the NCC gain per step falls below {@link #NCC_TOLERANCE}.
     *
     * @return the improved pose (the given one if no step helped)
     */
    Pose optimise(Level level, Pose pose, Model model, Progress progress) {
        return optimise(level, pose, model, MAX_ITERATIONS, progress);
    }

    /** {@link #optimise(Level, Pose, Model, Progress)} with at most {@code maxIterations} steps tried. */
    Pose optimise(Level level, Pose pose, Model model, int maxIterations, Progress progress) {
        Sums cur = new Sums(sum(level, pose, model), model.parameters);
        double damping = INITIAL_DAMPING;
        for (int it = 0; it < maxIterations && damping < MAX_DAMPING; it++) {
            progress.checkCanceled();
            double[] step = cur.step(damping);
            if (step == null) {
                damping *= 8;
                continue;
            }
            Pose trial = update(pose, step, model);
            Sums next = new Sums(sum(level, trial, model), model.parameters);
            if (next.ncc() > cur.ncc()) {
                double gain = next.ncc() - cur.ncc();
                pose = trial;
                cur = next;
                damping = Math.max(damping / 4, 1e-7);
                progress.report((it + 1.0) / maxIterations, null);
                if (gain < NCC_TOLERANCE) {
                    break;
                }
            } else {
                damping *= 8;
            }
        }
        return pose;
    }

    /** Applies a step compositionally (see the class documentation). */
    private static Pose update(Pose p, double[] step, Model model) {
        double[] m;
        double[] dt;
        if (model == Model.RIGID) {
            m = rotation(step[0], step[1], step[2]);
            dt = new double[] {step[3], step[4], step[5]};
        } else {
            m = new double[9];
            for (int i = 0; i < 9; i++) {
                m[i] = (i % 4 == 0 ? 1 : 0) + step[i];
            }
            dt = new double[] {step[9], step[10], step[11]};
        }
        double[] l = new double[9];
        double[] t = new double[3];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                l[3 * r + c] = m[3 * r] * p.l[c] + m[3 * r + 1] * p.l[3 + c] + m[3 * r + 2] * p.l[6 + c];
            }
            t[r] = m[3 * r] * p.t[0] + m[3 * r + 1] * p.t[1] + m[3 * r + 2] * p.t[2] + dt[r];
        }
        return new Pose(l, t);
    }

    /** Rotation by the vector ω (radians; axis ω/|ω|), Rodrigues' formula, row-major. */
    static double[] rotation(double wx, double wy, double wz) {
        double theta = Math.sqrt(wx * wx + wy * wy + wz * wz);
        if (theta == 0) {
            return new double[] {1, 0, 0, 0, 1, 0, 0, 0, 1};
        }
        double x = wx / theta, y = wy / theta, z = wz / theta;
        double s = Math.sin(theta), c = 1 - Math.cos(theta);
        // I + sinθ·K + (1 − cosθ)·K², K the cross-product matrix of the unit axis.
        return new double[] {1 - c * (y * y + z * z), -s * z + c * x * y, s * y + c * x * z, s * z + c * x * y, 1 - c * (x * x + z * z),
                -s * x + c * y * z, -s * y + c * x * z, s * x + c * y * z, 1 - c * (x * x + y * y)};
    }

    /** The sums over the mask, plane by plane in parallel, added in plane order. {@code model} null: NCC only. */
    private double[] sum(Level level, Pose pose, Model model) {
        FloatGrid f = level.template;
        int np = model == null ? 0 : model.parameters;
        int width = SCALARS + np * np + 3 * np;
        double[][] planes = new double[f.nz][];
        pool.submit(() -> Parallel.forEach(f.nz, z -> planes[z] = sumPlane(level, pose, model, z, width))).join();
        double[] total = new double[width];
        for (double[] p : planes) {
            for (int i = 0; i < width; i++) {
                total[i] += p[i];
            }
        }
        return total;
    }

    private double[] sumPlane(Level level, Pose pose, Model model, int z, int width) {
        FloatGrid f = level.template;
        FloatGrid g = level.sample;
        int np = model == null ? 0 : model.parameters;
        double[] acc = new double[width];
        double[] l = pose.l, t = pose.t, a = a0, c = centreUm;
        double[] gv = new double[model == null ? 1 : 4];
        double[] s = new double[np];
        int sOff = SCALARS, sfOff = sOff + np * np, sgOff = sfOff + np, ssOff = sgOff + np;
        double xz = f.originUm[2] + z * f.spacingUm[2] - c[2];
        for (int y = 0; y < f.ny; y++) {
            double xy = f.originUm[1] + y * f.spacingUm[1] - c[1];
            int row = f.index(0, y, z);
            for (int x = 0; x < f.nx; x++) {
                if (!level.mask[row + x]) {
                    continue;
                }
                double xx = f.originUm[0] + x * f.spacingUm[0] - c[0];
                // y = T(x) − c, then φ = A₀(y + c) + b₀
                double y0 = l[0] * xx + l[1] * xy + l[2] * xz + t[0];
                double y1 = l[3] * xx + l[4] * xy + l[5] * xz + t[1];
                double y2 = l[6] * xx + l[7] * xy + l[8] * xz + t[2];
                double q0 = y0 + c[0], q1 = y1 + c[1], q2 = y2 + c[2];
                g.sample(a[0] * q0 + a[1] * q1 + a[2] * q2 + b0[0], a[3] * q0 + a[4] * q1 + a[5] * q2 + b0[1],
                        a[6] * q0 + a[7] * q1 + a[8] * q2 + b0[2], gv);
                double fv = f.data[row + x], gval = gv[0];
                acc[0]++;
                acc[1] += fv;
                acc[2] += gval;
                acc[3] += fv * fv;
                acc[4] += gval * gval;
                acc[5] += fv * gval;
                if (np == 0) {
                    continue;
                }
                // h = A₀ᵀ ∇g: the gradient in the atlas-aligned frame of y
                double h0 = a[0] * gv[1] + a[3] * gv[2] + a[6] * gv[3];
                double h1 = a[1] * gv[1] + a[4] * gv[2] + a[7] * gv[3];
                double h2 = a[2] * gv[1] + a[5] * gv[2] + a[8] * gv[3];
                if (np == 6) {
                    s[0] = y1 * h2 - y2 * h1;
                    s[1] = y2 * h0 - y0 * h2;
                    s[2] = y0 * h1 - y1 * h0;
                    s[3] = h0;
                    s[4] = h1;
                    s[5] = h2;
                } else {
                    s[0] = h0 * y0;
                    s[1] = h0 * y1;
                    s[2] = h0 * y2;
                    s[3] = h1 * y0;
                    s[4] = h1 * y1;
                    s[5] = h1 * y2;
                    s[6] = h2 * y0;
                    s[7] = h2 * y1;
                    s[8] = h2 * y2;
                    s[9] = h0;
                    s[10] = h1;
                    s[11] = h2;
                }
                for (int i = 0; i < np; i++) {
                    double si = s[i];
                    int r = sOff + i * np;
                    for (int j = i; j < np; j++) {
                        acc[r + j] += si * s[j];
                    }
                    acc[sfOff + i] += si * fv;
                    acc[sgOff + i] += si * gval;
                    acc[ssOff + i] += si;
                }
            }
        }
        return acc;
    }

    /** Totals of one evaluation, and what follows from them. */
    private static final class Sums {
        private final double[] v;
        private final int np;

        Sums(double[] v, int np) {
            this.v = v;
            this.np = np;
        }

        double ncc() {
            double n = v[0];
            if (n < 2) {
                return Double.NaN;
            }
            double cov = v[5] - v[1] * v[2] / n, varF = v[3] - v[1] * v[1] / n, varG = v[4] - v[2] * v[2] / n;
            return varF > 0 && varG > 0 ? cov / Math.sqrt(varF * varG) : Double.NaN;
        }

        /**
         * The damped Gauss–Newton step for the residual {@code f − α·g(φ) − β} with α, β the best fit:
         * {@code (S + λ·diag S)·δ = Σ s·r / α}. Null if there is no usable step (α ≤ 0, singular system).
         */
        double[] step(double damping) {
            double n = v[0];
            double varG = v[4] - v[2] * v[2] / n;
            double cov = v[5] - v[1] * v[2] / n;
            if (!(varG > 0) || !(cov > 0)) {
                return null;
            }
            double alpha = cov / varG;
            double beta = (v[1] - alpha * v[2]) / n;
            int sOff = SCALARS, sfOff = sOff + np * np, sgOff = sfOff + np, ssOff = sgOff + np;
            double[][] m = new double[np][np];
            double[] rhs = new double[np];
            double trace = 0;
            for (int i = 0; i < np; i++) {
                trace += v[sOff + i * np + i];
            }
            for (int i = 0; i < np; i++) {
                for (int j = i; j < np; j++) {
                    m[i][j] = m[j][i] = v[sOff + i * np + j];
                }
                // A parameter the image does not constrain (zero diagonal) still gets a little damping.
                m[i][i] += damping * (m[i][i] + 1e-12 * trace / np);
                rhs[i] = (v[sfOff + i] - alpha * v[sgOff + i] - beta * v[ssOff + i]) / alpha;
            }
            double[] d = SmallLinearSystems.solve(m, rhs);
            if (d != null) {
                for (double x : d) {
                    if (!Double.isFinite(x)) {
                        return null;
                    }
                }
            }
            return d;
        }
    }
}
