package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.AtlasIdentity;

/**
 * The transform between one sample volume and the atlas (see the package documentation for the model and units):
 * <pre>
 *   atlas → sample:  x_s = A · (x_a + u(x_a)) + b
 *   sample → atlas:  x_a = W⁻¹(A⁻¹ · (x_s − b)),  W⁻¹(y) ≈ y + v(y), refined by Newton steps on W(x) = y
 * </pre>
 * It records which atlas ({@link AtlasIdentity#key()}) and which sample geometry it belongs to, and its quality.
 * Immutable and thread-safe; the point-mapping methods allocate at most a few small arrays per call, the batch
 * and row methods per chunk or row.
 */
public final class AtlasTransform {

    /** Newton steps on W(x) = y after the inverse field's guess; one is usually enough, two almost always. */
    static final int REFINE_STEPS = 4;
    /** Refinement stops when W(x) misses y by less than this, µm: far below any voxel, and reachable in double. */
    static final double REFINE_TOLERANCE_UM = 1e-3;
    /**
     * Row mapping extrapolates from the voxels this far back (see {@link #extrapolate}). Not 1: then each voxel
     * waits for its neighbour's answer, while with 2 the CPU works on two voxels at once (measured ~20 % faster);
     * further back, the guess gets worse.
     */
    private static final int ROW_LAG = 2;
    /** Points per parallel work item of the batch methods. */
    private static final int CHUNK = 4096;

    private final AffineMap sampleSide;
    private final AffineMap sampleSideInverse;
    private final DisplacementField u;
    private final DisplacementField v;
    private final String atlasKey;
    private final SampleGeometry sample;
    private final TransformQuality quality;

    private AtlasTransform(AffineMap sampleSide, DisplacementField u, DisplacementField v, String atlasKey, SampleGeometry sample,
            TransformQuality quality) {
        if ((u == null) != (v == null)) {
            throw new IllegalArgumentException("give both the forward and the inverse displacement field, or neither");
        }
        this.sampleSide = Objects.requireNonNull(sampleSide, "affine part");
        this.sampleSideInverse = sampleSide.inverse(); // fails early on a singular A
        this.u = u;
        this.v = v;
        this.atlasKey = Objects.requireNonNull(atlasKey, "atlas identity key");
        this.sample = Objects.requireNonNull(sample, "sample geometry");
        this.quality = Objects.requireNonNull(quality, "quality");
    }

    /**
     * A purely affine transform {@code x_s = A·x_a + b}.
     *
     * @param sampleSide {@code x_a → A·x_a + b}: atlas µm to sample µm; must be invertible
     * @param atlasKey   {@link AtlasIdentity#key()} of the atlas
     * @param sample     the sample volume it applies to
     */
    public static AtlasTransform affine(AffineMap sampleSide, String atlasKey, SampleGeometry sample) {
        return new AtlasTransform(sampleSide, null, null, atlasKey, sample, TransformQuality.affine(sampleSide));
    }

    /**
     * A deformable transform with forward field {@code u}; computes the inverse field {@code v} on u's grid
     * ({@link DisplacementField#inverse(int)}, {@link DisplacementField#DEFAULT_INVERSE_ITERATIONS}) and the
     * quality figures.
     */
    public static AtlasTransform of(AffineMap sampleSide, DisplacementField u, String atlasKey, SampleGeometry sample, Progress progress) {
        DisplacementField.Inversion inv = u.inverse(DisplacementField.DEFAULT_INVERSE_ITERATIONS, progress.slice(0, 0.8));
        DisplacementField.Jacobian j = u.jacobian();
        progress.report(1, null);
        TransformQuality q = new TransformQuality(j.minDeterminant(), j.maxDeterminant(), j.foldedNodes(), u.maxDisplacementUm(),
                inv.maxResidualUm(), sampleSide.determinant());
        return new AtlasTransform(sampleSide, u, inv.field(), atlasKey, sample, q);
    }

    /** {@link #of(AffineMap, DisplacementField, String, SampleGeometry, Progress)} without progress. */
    public static AtlasTransform of(AffineMap sampleSide, DisplacementField u, String atlasKey, SampleGeometry sample) {
        return of(sampleSide, u, atlasKey, sample, Progress.NONE);
    }

    /**
     * A deformable transform whose inverse field {@code v} is already known (e.g. from a registration backend that
     * computes both); the quality figures, including how well v inverts u, are measured here.
     */
    public static AtlasTransform of(AffineMap sampleSide, DisplacementField u, DisplacementField v, String atlasKey, SampleGeometry sample) {
        return new AtlasTransform(sampleSide, u, v, atlasKey, sample, TransformQuality.measure(sampleSide, u, v));
    }

    /** For the folder reader: everything as stored, quality included. */
    static AtlasTransform restore(AffineMap sampleSide, DisplacementField u, DisplacementField v, String atlasKey, SampleGeometry sample,
            TransformQuality quality) {
        return new AtlasTransform(sampleSide, u, v, atlasKey, sample, quality);
    }

    /**
     * This transform for a part of its sample imaged on its own: a volume whose first voxel centre lies at
     * {@code originUm} (x, y, z, µm) in this transform's sample frame, e.g. a stained channel imaged only around
     * some regions inside the autofluorescence volume that was registered. Only the sample-side translation
     * changes; the warp and its quality figures are this transform's.
     *
     * @param originUm  the sub-volume's first voxel centre in this transform's sample µm
     * @param subVolume the sub-volume's own geometry
     */
    public AtlasTransform forSubVolume(double[] originUm, SampleGeometry subVolume) {
        if (originUm.length != 3) {
            throw new IllegalArgumentException("originUm needs x, y, z");
        }
        AffineMap side = sampleSide.andThen(AffineMap.translation(-originUm[0], -originUm[1], -originUm[2]));
        return new AtlasTransform(side, u, v, atlasKey, subVolume, quality);
    }

    /** {@code x_a → A·x_a + b}, the affine part (atlas µm → sample µm, after the warp). */
    public AffineMap sampleSide() {
        return sampleSide;
    }

    /** The forward displacement {@code u}; empty for a purely affine transform. */
    public Optional<DisplacementField> displacement() {
        return Optional.ofNullable(u);
    }

    /** The inverse displacement {@code v}; empty for a purely affine transform. */
    public Optional<DisplacementField> inverseDisplacement() {
        return Optional.ofNullable(v);
    }

    public boolean isAffine() {
        return u == null;
    }

    /** {@link AtlasIdentity#key()} of the atlas this transform maps to. */
    public String atlasKey() {
        return atlasKey;
    }

    public SampleGeometry sample() {
        return sample;
    }

    public TransformQuality quality() {
        return quality;
    }

    /**
     * @param transformFolder where this transform was read from, for the message
     * @throws InputException if this transform was computed for another atlas than {@code atlas}
     */
    public void requireAtlas(AtlasIdentity atlas, Path transformFolder) {
        if (!atlas.key().equals(atlasKey)) {
            throw InputException.file(transformFolder, "was computed for atlas " + atlasKey + ", not " + atlas.key(),
                    "Register the sample again with this atlas, or use the atlas the transform was made with");
        }
    }

    /**
     * @param transformFolder where this transform was read from, for the message
     * @throws InputException if this transform was computed for a sample volume of another size or voxel size
     */
    public void requireSample(SampleGeometry volume, Path transformFolder) {
        if (!Arrays.equals(volume.dimensions(), sample.dimensions()) || !volume.voxelSizeUm().equals(sample.voxelSizeUm())) {
            throw InputException.file(transformFolder, "belongs to a sample volume of " + sample + ", not " + volume,
                    "Use the transform computed for this volume (sample coordinates are µm in the stored axes of that volume)");
        }
    }

    // ---------------------------------------------------------------- atlas → sample

    /** Maps an atlas point (µm) to sample µm: {@code A·(x_a + u(x_a)) + b}. {@code out} may be {@code xa}. */
    public void atlasToSample(double[] xa, double[] out) {
        if (u == null) {
            sampleSide.apply(xa, out);
            return;
        }
        double x = xa[0], y = xa[1], z = xa[2];
        u.displacement(x, y, z, out);
        sampleSide.apply(x + out[0], y + out[1], z + out[2], out);
    }

    /**
     * Maps many atlas points (interleaved x, y, z in µm) to sample µm, in parallel; the result equals point-by-point
     * {@link #atlasToSample(double[], double[])}. {@code out} may be {@code xyz}.
     */
    public void atlasToSamplePoints(double[] xyz, double[] out) {
        checkPoints(xyz, out);
        int n = xyz.length / 3;
        Parallel.forEach((n + CHUNK - 1) / CHUNK, c -> {
            double[] p = new double[3];
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                p[0] = xyz[3 * i];
                p[1] = xyz[3 * i + 1];
                p[2] = xyz[3 * i + 2];
                atlasToSample(p, p);
                out[3 * i] = p[0];
                out[3 * i + 1] = p[1];
                out[3 * i + 2] = p[2];
            }
        });
    }

    // ---------------------------------------------------------------- sample → atlas

    /**
     * Maps a sample point (µm, stored axes) to atlas µm: {@code y = A⁻¹(x_s − b)}, then {@code x = y + v(y)}
     * refined by up to {@link #REFINE_STEPS} Newton steps on {@code W(x) = y} until W misses y by less than
     * 10⁻³ µm. Where the warp does not fold, {@code atlasToSample(sampleToAtlas(x))} returns x to far below 0.01 µm;
     * in a fold there is no inverse and the best iterate is returned. {@code out} may be {@code xs}.
     */
    public void sampleToAtlas(double[] xs, double[] out) {
        sampleSideInverse.apply(xs, out);
        if (v != null) {
            unwarp(out[0], out[1], out[2], new double[WarpInverse.SCRATCH], out);
        }
    }

    /** W⁻¹(y) into out: the inverse field's guess, then Newton refinement on u. */
    private void unwarp(double y0, double y1, double y2, double[] scratch, double[] out) {
        v.displacement(y0, y1, y2, out);
        WarpInverse.solve(u, y0, y1, y2, REFINE_STEPS, REFINE_TOLERANCE_UM, false, true, scratch, out);
        out[0] += y0;
        out[1] += y1;
        out[2] += y2;
    }

    /**
     * Maps many sample points (interleaved x, y, z in µm) to atlas µm, in parallel; the result equals
     * point-by-point {@link #sampleToAtlas(double[], double[])}. {@code out} may be {@code xyz}.
     */
    public void sampleToAtlasPoints(double[] xyz, double[] out) {
        checkPoints(xyz, out);
        int n = xyz.length / 3;
        Parallel.forEach((n + CHUNK - 1) / CHUNK, c -> {
            double[] p = new double[3];
            double[] scratch = new double[WarpInverse.SCRATCH];
            for (int i = c * CHUNK, end = Math.min(n, i + CHUNK); i < end; i++) {
                sampleSideInverse.apply(xyz[3 * i], xyz[3 * i + 1], xyz[3 * i + 2], p);
                if (v != null) {
                    unwarp(p[0], p[1], p[2], scratch, p);
                }
                out[3 * i] = p[0];
                out[3 * i + 1] = p[1];
                out[3 * i + 2] = p[2];
            }
        });
    }

    /**
     * The fast path for mapping every voxel of a sample row: the sample points {@code (x0 + i·dx, y_s, z_s)} µm,
     * i = 0 … n−1, to atlas µm in {@code outX[i], outY[i], outZ[i]}, exactly as {@link #sampleToAtlas} does (W
     * misses by less than 10⁻³ µm; the two agree to about that). The affine part is evaluated incrementally, and
     * each voxel's Newton refinement starts from an extrapolation of earlier voxels' answers instead of the inverse
     * field, so that most voxels cost one lookup of u with its gradient. Not parallel itself: callers map rows or planes on their own threads (the
     * transform is thread-safe).
     *
     * @param ys sample y (row) of the row, µm
     * @param zs sample z (plane) of the row, µm
     * @param x0 sample x of the first point, µm
     * @param dx step between points along x, µm (usually the sample voxel size)
     */
    public void sampleToAtlasRow(double ys, double zs, double x0, double dx, int n, double[] outX, double[] outY, double[] outZ) {
        sampleToAtlasRow(ys, zs, x0, dx, n, outX, outY, outZ, true);
    }

    /**
     * {@link #sampleToAtlasRow(double, double, double, double, int, double[], double[], double[])}, optionally
     * without refinement: with {@code refine == false} each voxel costs one trilinear lookup of the inverse field,
     * {@code x_a = y + v(y)}, and is off by the interpolation error of v (for 300 µm warps on a 100 µm grid about
     * 0.03 µm on average and 1.5 µm at worst; see {@link TransformQuality#inverseResidualUm()} for the error at the
     * nodes). Use it where a voxel-sized error does not matter, e.g. previews.
     */
    public void sampleToAtlasRow(double ys, double zs, double x0, double dx, int n, double[] outX, double[] outY, double[] outZ,
            boolean refine) {
        double[] p = new double[3];
        sampleSideInverse.apply(x0, ys, zs, p);
        double px = p[0], py = p[1], pz = p[2];
        // One step along the row in warped atlas space: A⁻¹ applied to (dx, 0, 0).
        double sx = sampleSideInverse.get(0, 0) * dx, sy = sampleSideInverse.get(1, 0) * dx, sz = sampleSideInverse.get(2, 0) * dx;
        double[] scratch = new double[WarpInverse.SCRATCH];
        for (int i = 0; i < n; i++) {
            // p0 + i·step rather than a running sum: no drift along rows of tens of thousands of voxels.
            double y0 = px + i * sx, y1 = py + i * sy, y2 = pz + i * sz;
            if (v == null) {
                p[0] = y0;
                p[1] = y1;
                p[2] = y2;
            } else if (!refine) {
                v.displacement(y0, y1, y2, p);
                p[0] += y0;
                p[1] += y1;
                p[2] += y2;
            } else if (i <= ROW_LAG || !extrapolate(i, y0, y1, y2, outX, outY, outZ, scratch, p)) {
                unwarp(y0, y1, y2, scratch, p);
            }
            outX[i] = p[0];
            outY[i] = p[1];
            outZ[i] = p[2];
        }
    }

    /**
     * Solves W(x) = y for voxel i of a row, starting from the linear extrapolation of the answers for voxels
     * i − {@value #ROW_LAG} − 1 and i − {@value #ROW_LAG}. Neighbouring voxels are a few µm apart on a warp that
     * varies over 100s of µm, so the guess is typically within 10⁻⁵ µm, within tolerance at the first lookup; the
     * polishing Newton step keeps the answers that later guesses build on far better than the tolerance. Returns
     * false (and the caller starts over from v) if that did not converge, e.g. next to a fold.
     */
    private boolean extrapolate(int i, double y0, double y1, double y2, double[] outX, double[] outY, double[] outZ, double[] scratch,
            double[] p) {
        int a = i - ROW_LAG, b = a - 1;
        p[0] = outX[a] + ROW_LAG * (outX[a] - outX[b]) - y0;
        p[1] = outY[a] + ROW_LAG * (outY[a] - outY[b]) - y1;
        p[2] = outZ[a] + ROW_LAG * (outZ[a] - outZ[b]) - y2;
        if (WarpInverse.solve(u, y0, y1, y2, REFINE_STEPS, REFINE_TOLERANCE_UM, false, true, scratch, p) >= REFINE_TOLERANCE_UM) {
            return false;
        }
        p[0] += y0;
        p[1] += y1;
        p[2] += y2;
        return true;
    }

    private static void checkPoints(double[] xyz, double[] out) {
        if (xyz.length % 3 != 0 || out.length < xyz.length) {
            throw new IllegalArgumentException("points are interleaved x, y, z: got " + xyz.length + " values in, room for " + out.length + " out");
        }
    }

    // ---------------------------------------------------------------- files

    /**
     * Writes this transform as the folder {@code folder}: {@code transform.json}, and unless purely affine
     * {@code displacement.nrrd} and {@code displacement_inverse.nrrd} (format: see the package documentation). The folder is
     * written under a temporary name and moved into place when complete; a folder already there is replaced as a
     * whole (so keep nothing else in it).
     */
    public void save(Path folder) throws IOException {
        TransformFolder.write(this, folder);
    }

    /**
     * Reads a transform folder written by {@link #save}.
     *
     * @throws InputException if the folder or one of its files is missing, damaged or from a newer NeuroAtlas (the
     *                        message names the file and says what to do)
     */
    public static AtlasTransform load(Path folder) throws IOException {
        return TransformFolder.read(folder);
    }

    @Override
    public String toString() {
        return (isAffine() ? "affine" : "deformable") + " transform to " + atlasKey + " for sample " + sample + ", A|b = " + sampleSide;
    }
}
