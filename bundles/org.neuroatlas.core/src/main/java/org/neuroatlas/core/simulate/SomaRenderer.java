package org.neuroatlas.core.simulate;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Draws {@link Soma}s into image planes, as seen through a light-sheet microscope.
 * <p>
 * <b>Profile.</b> A soma is a uniformly filled ellipsoid (TH is cytoplasmic; no bright rim) with a soft edge,
 * blurred by a Gaussian point spread function (σ_xy across the sheet plane, σ_z along the detection axis). The
 * convolution is approximated analytically, ray by ray from the centre: a point at distance t from the centre,
 * on a ray that leaves the ellipsoid at distance R and at angle θ to the surface normal n, gets
 * <pre>  brightness · Φ((R' − t) / σ_ray),   σ_ray = σ_n / cos θ,   σ_n² = σ_edge² + σ_xy²(n_x² + n_y²) + σ_z² n_z²</pre>
 * — a Gaussian-smoothed step across the surface whose width grows with the PSF along the normal ("growing the
 * edge"), centred at R' ≈ R − σ_ray²/R, the radius at which the ray keeps its volume (as a true convolution keeps
 * the integral; for a sphere this is the exact first-order shift σ²·curvature). The integral over space is
 * brightness × volume within ~1 % (see SomaRendererTest); the value at the centre is the brightness unless the
 * blur is comparable to the cell.
 * <p>
 * <b>Sampling.</b> Values are taken at voxel centres: pixel (i, j) of a plane has its centre at
 * (originX + (i + ½)·voxelX, originY + (j + ½)·voxelY), and the plane's z is given by the caller. With
 * {@link #withZSupersampling} the value is instead averaged over the voxel's thickness (sub-planes spaced at
 * most σ_z/2), for planes thicker than the light sheet.
 * <p>
 * <b>Plane windows.</b> Each soma affects only planes within [{@link #zMinUm}, {@link #zMaxUm}] and, in them, only
 * its bounding box; {@link #render} visits nothing else. For a sliding window, sort the somata with
 * {@link #byZStart()}, add each when the plane reaches its zMin, drop it after its zMax. Immutable, thread-safe.
 */
public final class SomaRenderer {

    /** The profile is 0 beyond this many σ outside the surface (Φ(−5) ≈ 3·10⁻⁷) and full this many inside. */
    private static final double CUTOFF_SIGMAS = 5;

    private final double psfSigmaXyUm;
    private final double psfSigmaZUm;
    private final double edgeSigmaUm;
    /** Voxel thickness averaged over, µm; 0 for point sampling at the plane's z. */
    private final double voxelZUm;
    private final int zSamples;
    /** How far outside the ellipsoid a soma still contributes, µm. */
    private final double marginUm;
    /** Squared σ, µm². */
    private final double edgeSigma2;
    private final double psfXy2;
    private final double psfZ2;

    /**
     * @param psfSigmaXyUm lateral PSF standard deviation, µm (≥ 0)
     * @param psfSigmaZUm  axial PSF standard deviation (light-sheet thickness), µm (≥ 0)
     * @param edgeSigmaUm  softness of the cell's own edge, µm (> 0; 0.4–0.8 gives a 1–2 µm 10–90 % edge)
     */
    public SomaRenderer(double psfSigmaXyUm, double psfSigmaZUm, double edgeSigmaUm) {
        this(psfSigmaXyUm, psfSigmaZUm, edgeSigmaUm, 0);
    }

    private SomaRenderer(double psfSigmaXyUm, double psfSigmaZUm, double edgeSigmaUm, double voxelZUm) {
        if (!(psfSigmaXyUm >= 0 && psfSigmaZUm >= 0 && edgeSigmaUm > 0) || Double.isInfinite(psfSigmaXyUm)
                || Double.isInfinite(psfSigmaZUm) || Double.isInfinite(edgeSigmaUm)) {
            throw new IllegalArgumentException("need σ_xy ≥ 0, σ_z ≥ 0, edge σ > 0, all finite: "
                    + psfSigmaXyUm + ", " + psfSigmaZUm + ", " + edgeSigmaUm);
        }
        this.psfSigmaXyUm = psfSigmaXyUm;
        this.psfSigmaZUm = psfSigmaZUm;
        this.edgeSigmaUm = edgeSigmaUm;
        this.voxelZUm = voxelZUm;
        double sigmaZ = Math.sqrt(edgeSigmaUm * edgeSigmaUm + psfSigmaZUm * psfSigmaZUm);
        this.zSamples = voxelZUm > 0 ? Math.max(1, (int) Math.ceil(voxelZUm / (sigmaZ / 2))) : 1;
        double sigmaMax = Math.sqrt(edgeSigmaUm * edgeSigmaUm + Math.max(psfSigmaXyUm * psfSigmaXyUm, psfSigmaZUm * psfSigmaZUm));
        this.marginUm = CUTOFF_SIGMAS * sigmaMax;
        this.edgeSigma2 = edgeSigmaUm * edgeSigmaUm;
        this.psfXy2 = psfSigmaXyUm * psfSigmaXyUm;
        this.psfZ2 = psfSigmaZUm * psfSigmaZUm;
    }

    /**
     * The same renderer, but each plane's value is the mean over a voxel {@code voxelZUm} thick centred on the
     * plane's z (sub-planes spaced at most σ/2 apart), rather than the value at z itself.
     */
    public SomaRenderer withZSupersampling(double voxelZUm) {
        if (!(voxelZUm > 0) || Double.isInfinite(voxelZUm)) {
            throw new IllegalArgumentException("voxel thickness must be positive and finite: " + voxelZUm);
        }
        return new SomaRenderer(psfSigmaXyUm, psfSigmaZUm, edgeSigmaUm, voxelZUm);
    }

    public double psfSigmaXyUm() {
        return psfSigmaXyUm;
    }

    public double psfSigmaZUm() {
        return psfSigmaZUm;
    }

    public double edgeSigmaUm() {
        return edgeSigmaUm;
    }

    /** How far outside its ellipsoid a soma still adds light, µm (5 blur σ). */
    public double marginUm() {
        return marginUm;
    }

    /** Lowest plane z (µm) that the soma adds light to (including the supersampled thickness). */
    public double zMinUm(Soma s) {
        return s.zUm() - s.halfExtentUm(2) - marginUm - voxelZUm / 2;
    }

    /** Highest plane z (µm) that the soma adds light to. */
    public double zMaxUm(Soma s) {
        return s.zUm() + s.halfExtentUm(2) + marginUm + voxelZUm / 2;
    }

    /** Whether the soma adds light to the plane at {@code zUm}. */
    public boolean touches(Soma s, double zUm) {
        return zUm >= zMinUm(s) && zUm <= zMaxUm(s);
    }

    /**
     * Orders somata by the z where their light starts (centre − half z-extent; the renderer's margin is the same
     * for all), the order in which a plane-by-plane sweep meets them.
     */
    public static Comparator<Soma> byZStart() {
        return Comparator.comparingDouble(s -> s.zUm() - s.halfExtentUm(2));
    }

    /** The somata among {@code candidates} that add light to the plane at {@code zUm}. */
    public List<Soma> touching(Collection<Soma> candidates, double zUm) {
        List<Soma> out = new ArrayList<>();
        for (Soma s : candidates) {
            if (touches(s, zUm)) {
                out.add(s);
            }
        }
        return out;
    }

    /** The rendered value of one soma at a point (µm), without z supersampling. */
    public double value(Soma s, double xUm, double yUm, double zUm) {
        Shape shape = new Shape(s);
        return s.brightness() * shape.profile(xUm - s.xUm(), yUm - s.yUm(), zUm - s.zUm());
    }

    /** {@link #render(List, double, double, double, double, double, int, int, float[])} with the grid origin at 0, 0. */
    public void render(List<Soma> candidates, double zUm, double voxelXUm, double voxelYUm, int width, int height,
            float[] plane) {
        render(candidates, zUm, 0, 0, voxelXUm, voxelYUm, width, height, plane);
    }

    /**
     * Adds the light of the somata that touch the plane at {@code zUm} into {@code plane} (x fastest,
     * {@code width × height}). Candidates that do not touch the plane or the grid are skipped at once; for the
     * others only their bounding box is visited.
     *
     * @param originXUm x of the left edge of pixel column 0, µm
     * @param originYUm y of the top edge of pixel row 0, µm
     */
    public void render(List<Soma> candidates, double zUm, double originXUm, double originYUm, double voxelXUm,
            double voxelYUm, int width, int height, float[] plane) {
        if (!(voxelXUm > 0 && voxelYUm > 0)) {
            throw new IllegalArgumentException("voxel size must be positive: " + voxelXUm + ", " + voxelYUm);
        }
        if (plane.length < (long) width * height) {
            throw new IllegalArgumentException("plane has " + plane.length + " voxels, need " + width + "×" + height);
        }
        for (Soma s : candidates) {
            if (touches(s, zUm) && s.brightness() > 0) {
                renderOne(s, zUm, originXUm, originYUm, voxelXUm, voxelYUm, width, height, plane);
            }
        }
    }

    private void renderOne(Soma s, double zUm, double originXUm, double originYUm, double voxelXUm, double voxelYUm,
            int width, int height, float[] plane) {
        double ex = s.halfExtentUm(0) + marginUm;
        double ey = s.halfExtentUm(1) + marginUm;
        // Columns/rows whose centres lie within the box: centre of i is origin + (i + ½)·voxel.
        int i0 = Math.max(0, (int) Math.ceil((s.xUm() - ex - originXUm) / voxelXUm - 0.5));
        int i1 = Math.min(width - 1, (int) Math.floor((s.xUm() + ex - originXUm) / voxelXUm - 0.5));
        int j0 = Math.max(0, (int) Math.ceil((s.yUm() - ey - originYUm) / voxelYUm - 0.5));
        int j1 = Math.min(height - 1, (int) Math.floor((s.yUm() + ey - originYUm) / voxelYUm - 0.5));
        if (i0 > i1 || j0 > j1) {
            return;
        }
        Shape shape = new Shape(s);
        double weight = s.brightness() / zSamples;
        for (int k = 0; k < zSamples; k++) {
            double dz = zUm - s.zUm() + (zSamples == 1 ? 0 : ((k + 0.5) / zSamples - 0.5) * voxelZUm);
            for (int j = j0; j <= j1; j++) {
                double dy = originYUm + (j + 0.5) * voxelYUm - s.yUm();
                int row = j * width;
                for (int i = i0; i <= i1; i++) {
                    double dx = originXUm + (i + 0.5) * voxelXUm - s.xUm();
                    double p = shape.profile(dx, dy, dz);
                    if (p > 0) {
                        plane[row + i] += (float) (weight * p);
                    }
                }
            }
        }
    }

    /** One soma's geometry, precomputed for a plane: rotation and inverse squared semi-axes. */
    private final class Shape {
        private final double[] r;
        private final double ia2;
        private final double ib2;
        private final double ic2;

        Shape(Soma s) {
            r = s.rotationMatrix();
            ia2 = 1 / (s.aUm() * s.aUm());
            ib2 = 1 / (s.bUm() * s.bUm());
            ic2 = 1 / (s.cUm() * s.cUm());
        }

        /** The blurred occupancy in [0, 1] at a world offset (µm) from the centre. */
        double profile(double dx, double dy, double dz) {
            // Body coordinates: u = Rᵀ·offset.
            double u = r[0] * dx + r[3] * dy + r[6] * dz;
            double v = r[1] * dx + r[4] * dy + r[7] * dz;
            double w = r[2] * dx + r[5] * dy + r[8] * dz;
            double rho2 = u * u * ia2 + v * v * ib2 + w * w * ic2;
            // m = ∇(ρ²)/2 in body coordinates; its direction is the outward normal.
            double mu = u * ia2;
            double mv = v * ib2;
            double mw = w * ic2;
            double m2 = mu * mu + mv * mv + mw * mw;
            if (!(m2 > 0)) {
                // The exact centre: take a point next to it.
                return profile(1e-6, 0, 0);
            }
            double m = Math.sqrt(m2);
            double t = Math.sqrt(dx * dx + dy * dy + dz * dz);
            double rho = Math.sqrt(rho2);
            // Along the ray from the centre through this point: the surface is at distance R = t/ρ, and the
            // ray meets it at cos θ = ρ²/(t·|m|) to the normal.
            double radius = t / rho;
            double cos = Math.min(1, rho2 / (t * m));
            double nz = (r[6] * mu + r[7] * mv + r[8] * mw) / m;
            double nz2 = Math.min(1, nz * nz);
            double sigmaNormal2 = edgeSigma2 + psfXy2 * (1 - nz2) + psfZ2 * nz2;
            double sigmaRay = Math.sqrt(sigmaNormal2) / cos;
            // The blurred edge along the ray is shifted inwards (see radiusConservingVolume), so beyond this 0.
            if (t - radius > CUTOFF_SIGMAS * sigmaRay) {
                return 0;
            }
            double x = (radiusConservingVolume(radius, sigmaRay) - t) / sigmaRay;
            if (x > CUTOFF_SIGMAS) {
                return 1;
            }
            return 0.5 * erfc(-x * 0.7071067811865476);
        }
    }

    /**
     * The radius R' at which to centre a Gaussian edge of width σ along a ray so that the ray carries the volume
     * it had before blurring: ∫₀^∞ t²·Φ((R' − t)/σ) dt ≈ (R'³ + 3R'σ²)/3 must equal R³/3. The root of this cubic
     * (Cardano; one real root) is R − σ²/R + …, i.e. the surface moves in by σ² × its curvature, as under a true
     * convolution. Solving it per ray makes the rendered integral equal brightness × volume even for elongated
     * cells and thick light sheets.
     */
    static double radiusConservingVolume(double radius, double sigma) {
        double s2 = sigma * sigma;
        double half = radius * radius * radius / 2;
        double a = Math.cbrt(half + Math.sqrt(half * half + s2 * s2 * s2));
        return a - s2 / a;
    }

    /**
     * Complementary error function, absolute error ≤ 1.5·10⁻⁷ (Abramowitz &amp; Stegun 7.1.26 for x ≥ 0, and
     * erfc(−x) = 2 − erfc(x)): ample for float output and much cheaper than an exact series.
     */
    static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.3275911 * z);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        double e = poly * Math.exp(-z * z);
        return x >= 0 ? e : 2 - e;
    }
}
