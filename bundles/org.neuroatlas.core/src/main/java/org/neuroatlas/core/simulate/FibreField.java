package org.neuroatlas.core.simulate;

import java.util.Arrays;

import org.neuroatlas.core.volume.VoxelSize;

/**
 * Thin tortuous tubes (axons) as a procedural field, evaluated point by point with no stored geometry, so that a
 * brain of 10¹⁰ voxels can be rendered plane by plane, in any order, on any number of threads.
 * <p>
 * <b>Curves.</b> Two independent smooth noise fields f and g ({@link LatticeNoise}, feature size λ) are both zero
 * on a network of smooth curves (the intersection of two random iso-surfaces), whose wiggles have the size of λ:
 * λ sets the tortuosity (20–60 µm look like cleared-tissue axons). A point is inside a fibre if its distance to
 * the curve is below the radius r, where the distance is taken from the local linearisation of f and g — the
 * distance to the line {f + ∇f·δ = 0, g + ∇g·δ = 0}, i.e. √((f, g) Γ⁻¹ (f, g)ᵀ) with Γ the Gram matrix of ∇f
 * and ∇g. Normalising by the gradients this way makes the tube's cross-section a disc of the given diameter
 * whatever the local slopes of f and g and the angle between their surfaces.
 * <p>
 * <b>Density.</b> One pair (f, g) gives a fixed length of curve per volume, L = C/λ² (C ≈ {@value #CURVE_DENSITY},
 * measured for {@link LatticeNoise}), so one "layer" fills a volume fraction φ = πr²·L (0.29 % for 2 µm fibres at
 * λ = 40 µm). Larger fractions superimpose independent layers (unions of networks: at 5 % and λ = 40 µm, 2 µm
 * fibres need 18 layers, and the cost of an evaluation grows with that count, ~50 ns per layer). Smaller
 * fractions keep only part of the last layer: a third, low-frequency noise s per layer (feature size {@code selectorFeatureUm}) keeps the fibres where s is below its
 * p-quantile, so a fraction p of that layer survives, in pieces a few selector feature sizes long. The number of
 * layers-worth S needed for a target fraction t solves 1 − e^(−φS) = t (independent layers overlap as random
 * sets do); layer k is kept with probability min(1, S − k). A target of 0 (or less) gives no fibre at all.
 * <p>
 * <b>Calibration.</b> Realised fractions over large random samples are within a few % of the target for
 * targets 0.0005–0.05, diameters 1–3 µm and λ = 20–60 µm (see FibreFieldTest); local fractions fluctuate, of
 * course, on the scale of the selector's feature size.
 * <p>
 * <b>Rendering and truth.</b> {@link #occupancy} is the point set (0 or 1), the definition of the ground truth;
 * {@link #coverage} is the anti-aliased fraction of a voxel that it covers (the rendered intensity is
 * brightness × coverage), integrated from the linearised tube around the voxel centre. Summed over a region's
 * voxels, coverage × voxel volume is the fibre volume as rendered; it agrees with the mean occupancy over the
 * region up to the tubes' curvature within a voxel (second order) and the selector being evaluated at voxel
 * centres. Instances are immutable and thread-safe.
 */
public final class FibreField {

    /**
     * Curve length per volume of one layer times λ² (dimensionless), C₀: the volume fraction of one layer is
     * πr²·C₀/λ² · (1 − {@value #CURVATURE_CORRECTION}·(r/λ)²). Measured for {@link LatticeNoise} from ~10⁸ random
     * points in 12 runs (diameters 0.5–3 µm, λ = 20–60 µm, 4 seeds): C = 1.47–1.51 (±1 % each) at r/λ ≤ 0.033,
     * 1.448 ± 0.002 at r/λ = 0.075. Rough theory agrees: for an isotropic Gaussian field L = λ₂/π with λ₂ = Var(∂f)/Var(f) ≈ 4.9/λ²
     * here, i.e. C ≈ 1.56.
     */
    static final double CURVE_DENSITY = 1.49;
    /**
     * Second-order shrinkage of a layer's fraction for thick tubes (the linearised distance is exact only to first
     * order in r/λ); fitted to the r/λ = 0.075 measurement.
     */
    static final double CURVATURE_CORRECTION = 4.6;
    /**
     * Bound on |∇f|·λ used to skip points by the value of f alone. {@link LatticeNoise} gradients reach 3.1/λ at
     * most in 2·10⁷ samples (rms 1.0/λ); points where it would be exceeded are, by definition, outside.
     */
    static final double GRADIENT_BOUND = 3.5;
    /** Most layers a field may need (each evaluation may visit them all). */
    static final int MAX_LAYERS = 1000;
    /** Default selector feature size, in units of the fibre feature size λ. */
    static final double DEFAULT_SELECTOR_SCALE = 2;
    /** Default largest fraction that can be asked for. */
    static final double DEFAULT_MAX_FRACTION = 0.1;
    /** The selector's quantiles at 0, 1/QUANTILES, …, 1, estimated once from a large sample. */
    private static final int QUANTILES = 1024;
    private static final double[] SELECTOR_QUANTILES = selectorQuantiles();

    private final double diameterUm;
    private final double radiusUm;
    private final double featureSizeUm;
    private final double selectorFeatureUm;
    private final double maxFraction;
    /** Volume fraction of one full layer, φ. */
    private final double layerFraction;
    private final LatticeNoise[] f;
    private final LatticeNoise[] g;
    private final LatticeNoise[] selector;

    /**
     * Fibres with a selector of feature size 2λ and fractions up to 0.1.
     *
     * @param seed          determines the whole field
     * @param diameterUm    tube diameter, µm (typically 1–3)
     * @param featureSizeUm noise feature size λ, µm: the size of the fibres' wiggles (typically 20–60)
     */
    public FibreField(long seed, double diameterUm, double featureSizeUm) {
        this(seed, diameterUm, featureSizeUm, DEFAULT_SELECTOR_SCALE * featureSizeUm, DEFAULT_MAX_FRACTION);
    }

    /**
     * @param seed              determines the whole field
     * @param diameterUm        tube diameter, µm (typically 1–3)
     * @param featureSizeUm     noise feature size λ, µm: the size of the fibres' wiggles (typically 20–60)
     * @param selectorFeatureUm feature size of the field that thins the last layer, µm: kept fibre pieces are a
     *                          few times this long; larger values give patchier sparse fibres
     * @param maxFraction       largest target fraction that will be asked for (in (0, 0.9]); sets the number of
     *                          layers, larger targets are clamped to it
     */
    public FibreField(long seed, double diameterUm, double featureSizeUm, double selectorFeatureUm, double maxFraction) {
        if (!(diameterUm > 0) || !(featureSizeUm > 2 * diameterUm) || !(selectorFeatureUm > 0)
                || Double.isInfinite(featureSizeUm) || Double.isInfinite(selectorFeatureUm)) {
            throw new IllegalArgumentException("need diameter > 0, feature size > 2 × diameter, selector size > 0: "
                    + diameterUm + ", " + featureSizeUm + ", " + selectorFeatureUm);
        }
        if (!(maxFraction > 0 && maxFraction <= 0.9)) {
            throw new IllegalArgumentException("maximum fraction must be in (0, 0.9]: " + maxFraction);
        }
        this.diameterUm = diameterUm;
        this.radiusUm = diameterUm / 2;
        this.featureSizeUm = featureSizeUm;
        this.selectorFeatureUm = selectorFeatureUm;
        this.maxFraction = maxFraction;
        double rho = radiusUm / featureSizeUm;
        this.layerFraction = Math.PI * rho * rho * CURVE_DENSITY * (1 - CURVATURE_CORRECTION * rho * rho);
        double layersNeeded = Math.ceil(-Math.log1p(-maxFraction) / layerFraction);
        if (layersNeeded > MAX_LAYERS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "%.3g µm fibres with %.3g µm features fill %.2g of the volume per layer: a fraction of %.3g would"
                            + " need %.0f layers (at most %d); lower the maximum fraction or the feature size",
                    diameterUm, featureSizeUm, layerFraction, maxFraction, layersNeeded, MAX_LAYERS));
        }
        int layers = (int) layersNeeded;
        this.f = new LatticeNoise[layers];
        this.g = new LatticeNoise[layers];
        this.selector = new LatticeNoise[layers];
        for (int k = 0; k < layers; k++) {
            f[k] = new LatticeNoise(DeterministicRandom.hash(seed, k, 0), featureSizeUm);
            g[k] = new LatticeNoise(DeterministicRandom.hash(seed, k, 1), featureSizeUm);
            selector[k] = new LatticeNoise(DeterministicRandom.hash(seed, k, 2), selectorFeatureUm);
        }
    }

    /** Tube diameter, µm. */
    public double diameterUm() {
        return diameterUm;
    }

    /** Noise feature size λ (tortuosity), µm. */
    public double featureSizeUm() {
        return featureSizeUm;
    }

    /** Selector feature size, µm. */
    public double selectorFeatureUm() {
        return selectorFeatureUm;
    }

    /** Largest fraction that can be realised; larger targets are clamped to it. */
    public double maxFraction() {
        return maxFraction;
    }

    /** Volume fraction of one full layer of curves, φ = πr²C/λ² (with the small thick-tube correction). */
    public double layerFraction() {
        return layerFraction;
    }

    /** Number of noise layers evaluated (at most) for a target fraction: the cost of an evaluation grows with it. */
    public int layersFor(double targetFraction) {
        return targetFraction > 0 ? (int) Math.ceil(layersWorth(targetFraction)) : 0;
    }

    /** S with 1 − e^(−φS) = t: how many full layers a target fraction needs. */
    private double layersWorth(double targetFraction) {
        double t = Math.min(targetFraction, maxFraction);
        return Math.min(f.length, -Math.log1p(-t) / layerFraction);
    }

    /**
     * Whether the point is inside a fibre (1) or not (0), for a local target fibre volume fraction.
     *
     * @param targetFraction fibre volume fraction wanted around this point; ≤ 0 (or NaN) gives 0 everywhere
     */
    public double occupancy(double xUm, double yUm, double zUm, double targetFraction) {
        if (!(targetFraction > 0)) {
            return 0;
        }
        double worth = layersWorth(targetFraction);
        double r2 = radiusUm * radiusUm;
        double fLimit = radiusUm * GRADIENT_BOUND / featureSizeUm;
        double[] grad = new double[3];
        for (int k = 0; k < worth; k++) {
            // Cheap test on the value alone first (the gradient costs twice as much): with |∇f| ≤ GRADIENT_BOUND/λ,
            // |f| ≥ r·GRADIENT_BOUND/λ means farther than r from f's zero surface.
            if (Math.abs(f[k].value(xUm, yUm, zUm)) >= fLimit) {
                continue;
            }
            double fv = f[k].valueAndGradient(xUm, yUm, zUm, grad);
            double ax = grad[0];
            double ay = grad[1];
            double az = grad[2];
            double aa = ax * ax + ay * ay + az * az;
            // Distance to f's zero surface bounds the distance to the curve from below: most points stop here.
            if (fv * fv >= r2 * aa) {
                continue;
            }
            double gv = g[k].valueAndGradient(xUm, yUm, zUm, grad);
            double bb = grad[0] * grad[0] + grad[1] * grad[1] + grad[2] * grad[2];
            double ab = ax * grad[0] + ay * grad[1] + az * grad[2];
            double det = aa * bb - ab * ab;
            if (det > 0 && bb * fv * fv - 2 * ab * fv * gv + aa * gv * gv < r2 * det && kept(k, worth, xUm, yUm, zUm)) {
                return 1;
            }
        }
        return 0;
    }

    /** Whether layer k's fibres are kept here: always for full layers, where the selector is low for the last. */
    private boolean kept(int k, double worth, double xUm, double yUm, double zUm) {
        double p = worth - k;
        return p >= 1 || selector[k].value(xUm, yUm, zUm) < selectorQuantile(p);
    }

    /**
     * The fraction of a voxel covered by fibres, in [0, 1]: the anti-aliased rendering of {@link #occupancy}.
     * Around the voxel centre each nearby fibre is replaced by its linearisation (a straight circular cylinder);
     * the covered length along the voxel's longest axis is solved exactly (a quadratic) on a grid of lines spaced at
     * most r (≤ 16 × 16 lines), and overlapping fibres are counted once. Voxels farther than r + ½ diagonal from
     * every fibre cost one noise evaluation per layer.
     *
     * @param xUm            voxel centre, µm
     * @param voxel          voxel size, µm
     * @param targetFraction fibre volume fraction wanted around this voxel; ≤ 0 gives 0
     */
    public double coverage(double xUm, double yUm, double zUm, VoxelSize voxel, double targetFraction) {
        if (!(targetFraction > 0)) {
            return 0;
        }
        double worth = layersWorth(targetFraction);
        double hx = voxel.xUm() / 2;
        double hy = voxel.yUm() / 2;
        double hz = voxel.zUm() / 2;
        double reach = radiusUm + Math.sqrt(hx * hx + hy * hy + hz * hz);
        double reach2 = reach * reach;
        double[] grad = new double[3];
        Tube[] near = null;
        int count = 0;
        double fLimit = reach * GRADIENT_BOUND / featureSizeUm;
        for (int k = 0; k < worth; k++) {
            // As in occupancy(): the value alone rules out most layers at half the cost of value and gradient.
            if (Math.abs(f[k].value(xUm, yUm, zUm)) >= fLimit) {
                continue;
            }
            double fv = f[k].valueAndGradient(xUm, yUm, zUm, grad);
            double ax = grad[0];
            double ay = grad[1];
            double az = grad[2];
            double aa = ax * ax + ay * ay + az * az;
            if (fv * fv >= reach2 * aa) {
                continue;
            }
            double gv = g[k].valueAndGradient(xUm, yUm, zUm, grad);
            Tube t = Tube.of(fv, ax, ay, az, gv, grad[0], grad[1], grad[2], radiusUm * radiusUm);
            if (t != null && t.distanceSquared(0, 0, 0) < reach2 && kept(k, worth, xUm, yUm, zUm)) {
                if (near == null) {
                    near = new Tube[4];
                } else if (count == near.length) {
                    near = Arrays.copyOf(near, 2 * count);
                }
                near[count++] = t;
            }
        }
        return count == 0 ? 0 : integrate(near, count, hx, hy, hz);
    }

    /** Covered fraction of the box [−hx, hx] × [−hy, hy] × [−hz, hz] (µm, around the voxel centre) by the tubes. */
    private double integrate(Tube[] tubes, int count, double hx, double hy, double hz) {
        // Solve along the longest axis (exact), sample the two others on a centred grid.
        int axis = hz >= hx && hz >= hy ? 2 : hy >= hx ? 1 : 0;
        double h = axis == 0 ? hx : axis == 1 ? hy : hz;
        double h1 = axis == 0 ? hy : hx;
        double h2 = axis == 2 ? hy : hz;
        // One line per radius: a tube crossing the voxel meets ~4 lines, so a voxel's coverage is good to ~10 % and region
        // sums (over many voxels at random offsets) are unbiased; half-radius spacing cost 4× the time for little gain.
        double spacing = radiusUm;
        int n1 = (int) Math.min(16, Math.ceil(2 * h1 / spacing));
        int n2 = (int) Math.min(16, Math.ceil(2 * h2 / spacing));
        double[] lo = new double[count];
        double[] hi = new double[count];
        double covered = 0;
        for (int i = 0; i < n1; i++) {
            double c1 = -h1 + (i + 0.5) * 2 * h1 / n1;
            for (int j = 0; j < n2; j++) {
                double c2 = -h2 + (j + 0.5) * 2 * h2 / n2;
                double px = axis == 0 ? 0 : c1;
                double py = axis == 0 ? c1 : axis == 1 ? 0 : c2;
                double pz = axis == 2 ? 0 : c2;
                int m = 0;
                for (int k = 0; k < count; k++) {
                    if (tubes[k].chord(px, py, pz, axis, h, lo, hi, m)) {
                        m++;
                    }
                }
                covered += unionLength(lo, hi, m);
            }
        }
        return Math.min(1, covered / (n1 * n2 * 2 * h));
    }

    /** Total length of the union of intervals [lo[i], hi[i]), i < m (m is small: sorts in place by insertion). */
    private static double unionLength(double[] lo, double[] hi, int m) {
        if (m <= 1) {
            return m == 0 ? 0 : hi[0] - lo[0];
        }
        for (int i = 1; i < m; i++) {
            double l = lo[i];
            double u = hi[i];
            int j = i - 1;
            while (j >= 0 && lo[j] > l) {
                lo[j + 1] = lo[j];
                hi[j + 1] = hi[j];
                j--;
            }
            lo[j + 1] = l;
            hi[j + 1] = u;
        }
        double total = 0;
        double start = lo[0];
        double end = hi[0];
        for (int i = 1; i < m; i++) {
            if (lo[i] > end) {
                total += end - start;
                start = lo[i];
            }
            end = Math.max(end, hi[i]);
        }
        return total + end - start;
    }

    /**
     * One fibre linearised around a voxel centre: F(δ) = f + a·δ, G(δ) = g + b·δ, and the squared distance from δ
     * (µm, relative to the centre) to the line F = G = 0 is the quadratic form (F, G) Γ⁻¹ (F, G)ᵀ, Γ = Gram(a, b).
     */
    private static final class Tube {
        private final double f;
        private final double ax, ay, az;
        private final double g;
        private final double bx, by, bz;
        /** Γ⁻¹ = [[m11, m12], [m12, m22]]. */
        private final double m11, m12, m22;
        private final double r2;

        private Tube(double f, double ax, double ay, double az, double g, double bx, double by, double bz,
                double m11, double m12, double m22, double r2) {
            this.f = f;
            this.ax = ax;
            this.ay = ay;
            this.az = az;
            this.g = g;
            this.bx = bx;
            this.by = by;
            this.bz = bz;
            this.m11 = m11;
            this.m12 = m12;
            this.m22 = m22;
            this.r2 = r2;
        }

        /** The linearised tube, or null where the two surfaces are parallel (no curve). */
        static Tube of(double f, double ax, double ay, double az, double g, double bx, double by, double bz, double r2) {
            double aa = ax * ax + ay * ay + az * az;
            double bb = bx * bx + by * by + bz * bz;
            double ab = ax * bx + ay * by + az * bz;
            double det = aa * bb - ab * ab;
            if (!(det > 0)) {
                return null;
            }
            return new Tube(f, ax, ay, az, g, bx, by, bz, bb / det, -ab / det, aa / det, r2);
        }

        double distanceSquared(double px, double py, double pz) {
            double fv = f + ax * px + ay * py + az * pz;
            double gv = g + bx * px + by * py + bz * pz;
            return m11 * fv * fv + 2 * m12 * fv * gv + m22 * gv * gv;
        }

        /**
         * The part of the line p + t·e_axis, |t| ≤ h, inside the tube of squared radius r2, written to lo[m], hi[m].
         *
         * @return whether it is non-empty
         */
        boolean chord(double px, double py, double pz, int axis, double h, double[] lo, double[] hi, int m) {
            double f0 = f + ax * px + ay * py + az * pz;
            double g0 = g + bx * px + by * py + bz * pz;
            double fa = axis == 0 ? ax : axis == 1 ? ay : az;
            double ga = axis == 0 ? bx : axis == 1 ? by : bz;
            // Squared distance along the line is the quadratic A t² + B t + C + r².
            double a = m11 * fa * fa + 2 * m12 * fa * ga + m22 * ga * ga;
            double b = 2 * (m11 * f0 * fa + m12 * (f0 * ga + g0 * fa) + m22 * g0 * ga);
            double c = m11 * f0 * f0 + 2 * m12 * f0 * g0 + m22 * g0 * g0 - r2;
            double t0;
            double t1;
            if (!(a > 0)) {
                // The line runs along the tube: all in or all out.
                if (c >= 0) {
                    return false;
                }
                t0 = -h;
                t1 = h;
            } else {
                double disc = b * b - 4 * a * c;
                if (!(disc > 0)) {
                    return false;
                }
                double sq = Math.sqrt(disc);
                t0 = Math.max(-h, (-b - sq) / (2 * a));
                t1 = Math.min(h, (-b + sq) / (2 * a));
                if (!(t0 < t1)) {
                    return false;
                }
            }
            lo[m] = t0;
            hi[m] = t1;
            return true;
        }
    }

    /** The p-quantile of {@link LatticeNoise} values, interpolated in the table. */
    static double selectorQuantile(double p) {
        double x = Math.max(0, Math.min(1, p)) * QUANTILES;
        int i = Math.min(QUANTILES - 1, (int) x);
        return SELECTOR_QUANTILES[i] + (x - i) * (SELECTOR_QUANTILES[i + 1] - SELECTOR_QUANTILES[i]);
    }

    /**
     * Quantiles of the noise's value distribution (the same for every seed), from 2¹⁸ values at random points
     * spread over ~1000 feature sizes — deterministic, ~10 ms once per JVM.
     */
    private static double[] selectorQuantiles() {
        int n = 1 << 18;
        double[] values = new double[n];
        LatticeNoise noise = new LatticeNoise(0x5E1EC7L, 1);
        DeterministicRandom r = DeterministicRandom.of(0x5E1EC7L);
        for (int i = 0; i < n; i++) {
            values[i] = noise.value(r.nextDouble(0, 1000), r.nextDouble(0, 1000), r.nextDouble(0, 1000));
        }
        Arrays.sort(values);
        double[] q = new double[QUANTILES + 1];
        for (int i = 0; i <= QUANTILES; i++) {
            q[i] = values[Math.min(n - 1, (int) ((long) i * n / QUANTILES))];
        }
        // The ends are open: no value is below the minimum or above the maximum of [−1, 1].
        q[0] = -1;
        q[QUANTILES] = 1;
        return q;
    }
}
