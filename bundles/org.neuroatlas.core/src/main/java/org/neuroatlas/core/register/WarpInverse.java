package org.neuroatlas.core.register;

import org.neuroatlas.core.Progress;

/**
 * Inverting the warp {@code W(x) = x + u(x)}: solving {@code W(x) = y} at a point by Newton's method, and the
 * inverse displacement field on a grid. Shared by {@link DisplacementField#inverse} (v at the nodes) and
 * {@link AtlasTransform} (refining v's guess at arbitrary points).
 */
final class WarpInverse {

    /** Length of the scratch array {@link #solve} needs. */
    static final int SCRATCH = 15;
    /** An inverse node is done once |W(y + v) − y| is below this, µm (about the float resolution of v). */
    static final double NODE_TOLERANCE_UM = 1e-4;

    private WarpInverse() {
    }

    /** v at every node of u's grid, as documented at {@link DisplacementField#inverse(int, Progress)}. */
    static DisplacementField.Inversion invert(DisplacementField u, int iterations, Progress progress) {
        if (iterations < 0) {
            throw new IllegalArgumentException("iterations must be 0 or more: " + iterations);
        }
        int[] dims = u.dimensions();
        double[] origin = u.originUm(), spacing = u.spacingUm();
        float[] out = new float[u.data().length];
        double[] worst = new double[dims[2]];
        Parallel.forEach(dims[2], progress, "inverting the displacement field", k -> {
            double[] scratch = new double[SCRATCH];
            double[] v = new double[3];
            double w = 0;
            int n = 3 * dims[0] * dims[1] * k;
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++, n += 3) {
                    double y0 = origin[0] + i * spacing[0], y1 = origin[1] + j * spacing[1], y2 = origin[2] + k * spacing[2];
                    u.displacement(y0, y1, y2, v);
                    v[0] = -v[0];
                    v[1] = -v[1];
                    v[2] = -v[2];
                    // Rounded to float as we go, so that the residual we report is that of the stored vector.
                    w = Math.max(w, solve(u, y0, y1, y2, iterations, NODE_TOLERANCE_UM, true, false, scratch, v));
                    out[n] = (float) v[0];
                    out[n + 1] = (float) v[1];
                    out[n + 2] = (float) v[2];
                }
            }
            worst[k] = w;
        });
        double w = 0;
        for (double x : worst) {
            w = Math.max(w, x);
        }
        return new DisplacementField.Inversion(u.withData(out), w);
    }

    /**
     * Refines {@code v} so that {@code W(y + v) = y}, by Newton steps {@code v += (I + ∇u(y+v))⁻¹ · (y − W(y + v))}
     * (the plain fixed-point step {@code v ← −u(y + v)} where {@code I + ∇u} is nearly singular), keeping the best
     * iterate. Stops when the residual is below {@code toleranceUm} or after {@code maxSteps} steps.
     * <p>
     * With {@code polish}, the Newton step computed at the accepted iterate is applied too: it costs no lookup
     * (value and gradient are at hand) and, the residual being already tiny, shrinks it by orders of magnitude in
     * practice. The returned residual is then the one measured before that step. Row mapping relies on this: it
     * extrapolates from previous answers, which must be better than the tolerance or their errors would add up.
     *
     * @param v       in: the initial guess; out: the answer (µm)
     * @param scratch {@link #SCRATCH} doubles
     * @return the measured residual {@code |W(y + v) − y|}, µm
     */
    static double solve(DisplacementField u, double y0, double y1, double y2, int maxSteps, double toleranceUm, boolean roundToFloat,
            boolean polish, double[] scratch, double[] v) {
        double[] g = scratch;
        double v0 = v[0], v1 = v[1], v2 = v[2];
        if (roundToFloat) {
            v0 = (float) v0;
            v1 = (float) v1;
            v2 = (float) v2;
        }
        double tol2 = toleranceUm * toleranceUm;
        double b0 = v0, b1 = v1, b2 = v2, best2 = Double.POSITIVE_INFINITY;
        for (int step = 0; ; step++) {
            u.displacementAndGradient(y0 + v0, y1 + v1, y2 + v2, g);
            double r0 = -v0 - g[0], r1 = -v1 - g[1], r2 = -v2 - g[2]; // y − W(y + v)
            double res2 = r0 * r0 + r1 * r1 + r2 * r2;
            if (res2 < tol2) {
                if (polish && newtonStep(g, r0, r1, r2)) {
                    v0 += g[12];
                    v1 += g[13];
                    v2 += g[14];
                }
                v[0] = v0;
                v[1] = v1;
                v[2] = v2;
                return Math.sqrt(res2);
            }
            if (res2 < best2) {
                best2 = res2;
                b0 = v0;
                b1 = v1;
                b2 = v2;
            }
            if (step >= maxSteps || Double.isNaN(res2)) {
                break; // out of steps, or undefined (no better answer exists)
            }
            if (!newtonStep(g, r0, r1, r2)) {
                g[12] = r0; // nearly singular: the plain fixed-point step
                g[13] = r1;
                g[14] = r2;
            }
            v0 += g[12];
            v1 += g[13];
            v2 += g[14];
            if (roundToFloat) {
                v0 = (float) v0;
                v1 = (float) v1;
                v2 = (float) v2;
            }
        }
        v[0] = b0;
        v[1] = b1;
        v[2] = b2;
        return Math.sqrt(best2);
    }

    /**
     * Solves {@code (I + G) δ = r} with G = g[3..11] (G[c][a] = g[3 + 3c + a]) into g[12..14] via the adjugate.
     * Returns false, leaving g[12..14] alone, where the determinant is below 0.05: folded or nearly so, where a
     * Newton step would jump far.
     */
    private static boolean newtonStep(double[] g, double r0, double r1, double r2) {
        double a = 1 + g[3], b = g[4], c = g[5];
        double d = g[6], e = 1 + g[7], f = g[8];
        double h = g[9], k = g[10], l = 1 + g[11];
        double c00 = e * l - f * k, c01 = c * k - b * l, c02 = b * f - c * e;
        double det = a * c00 + d * c01 + h * c02;
        if (!(det > 0.05)) {
            return false;
        }
        double c10 = f * h - d * l, c11 = a * l - c * h, c12 = c * d - a * f;
        double c20 = d * k - e * h, c21 = b * h - a * k, c22 = a * e - b * d;
        double id = 1 / det;
        g[12] = (c00 * r0 + c01 * r1 + c02 * r2) * id;
        g[13] = (c10 * r0 + c11 * r1 + c12 * r2) * id;
        g[14] = (c20 * r0 + c21 * r1 + c22 * r2) * id;
        return true;
    }

    /** Largest {@code |W(y + v(y)) − y|} over the nodes of {@code v}, µm, with W = I + u. */
    static double residual(DisplacementField u, DisplacementField v) {
        int[] vd = v.dimensions();
        double[] worst = new double[vd[2]];
        Parallel.forEach(vd[2], k -> {
            double[] a = new double[3], b = new double[3];
            double w = 0;
            for (int j = 0; j < vd[1]; j++) {
                for (int i = 0; i < vd[0]; i++) {
                    double y0 = v.origin(0) + i * v.spacing(0), y1 = v.origin(1) + j * v.spacing(1), y2 = v.origin(2) + k * v.spacing(2);
                    v.node(i, j, k, a);
                    double x0 = y0 + a[0], x1 = y1 + a[1], x2 = y2 + a[2];
                    u.displacement(x0, x1, x2, b);
                    double r0 = x0 + b[0] - y0, r1 = x1 + b[1] - y1, r2 = x2 + b[2] - y2;
                    w = Math.max(w, Math.sqrt(r0 * r0 + r1 * r1 + r2 * r2));
                }
            }
            worst[k] = w;
        });
        double w = 0;
        for (double x : worst) {
            w = Math.max(w, x);
        }
        return w;
    }
}
