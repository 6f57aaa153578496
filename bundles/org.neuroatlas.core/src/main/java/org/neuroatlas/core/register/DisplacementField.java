package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * A displacement field {@code u}: 3-vectors in µm on a regular grid in atlas space, interpolated trilinearly and
 * held constant beyond the grid's edge (the value at the nearest point of the grid box). Immutable and thread-safe.
 * <p>
 * Grid node {@code (i, j, k)} sits at {@code origin + (i·spacing_x, j·spacing_y, k·spacing_z)} µm. The vectors
 * are stored as floats, interleaved per node ({@code u_x, u_y, u_z}) with i fastest, then j, then k: the layout of
 * the NRRD file and the one where a trilinear lookup touches the fewest cache lines.
 * <p>
 * The warp it defines is {@code W(x) = x + u(x)}; see the package documentation for how it combines with the
 * affine part.
 */
public final class DisplacementField {

    /** Iterations of {@link #inverse(int)} that {@link AtlasTransform#of} uses: more than smooth warps ever need. */
    public static final int DEFAULT_INVERSE_ITERATIONS = 20;

    /** Computes the displacement at a point; must be thread-safe (nodes are filled in parallel). */
    @FunctionalInterface
    public interface NodeFunction {
        /** Writes the displacement (µm) at the point (x, y, z) µm into {@code out[0..2]}. */
        void displacement(double xUm, double yUm, double zUm, double[] out);
    }

    /**
     * Jacobian of {@code W = I + ∇u} at the grid nodes (central differences; one-sided at the grid's faces).
     *
     * @param minDeterminant smallest determinant (≤ 0 where the warp folds; 1 = volume preserved)
     * @param maxDeterminant largest determinant
     * @param foldedNodes    nodes whose determinant is ≤ 0
     * @param nodes          all nodes
     */
    public record Jacobian(double minDeterminant, double maxDeterminant, long foldedNodes, long nodes) {
    }

    /**
     * The result of {@link #inverse(int)}.
     *
     * @param field         the inverse displacement {@code v}, on the same grid
     * @param maxResidualUm largest {@code |W(y + v(y)) − y|} over the grid nodes, µm
     */
    public record Inversion(DisplacementField field, double maxResidualUm) {
    }

    private final double[] origin;
    private final double[] spacing;
    private final int[] dims;
    /** Interleaved vectors, 3 floats per node. */
    private final float[] data;

    // Hot-path copies of the geometry: reading final fields beats indexing arrays in the lookups.
    private final double ox, oy, oz, isx, isy, isz, maxFx, maxFy, maxFz;
    private final int lastCellX, lastCellY, lastCellZ, rowStride, planeStride, cornerX, cornerY, cornerZ;

    private DisplacementField(double[] origin, double[] spacing, int[] dims, float[] data) {
        for (int d = 0; d < 3; d++) {
            if (!Double.isFinite(origin[d])) {
                throw new IllegalArgumentException("grid origin must be finite: " + Arrays.toString(origin));
            }
            if (!(spacing[d] > 0) || !Double.isFinite(spacing[d])) {
                throw new IllegalArgumentException("grid spacing must be positive and finite: " + Arrays.toString(spacing));
            }
            if (dims[d] < 1) {
                throw new IllegalArgumentException("grid size must be at least 1 per axis: " + Arrays.toString(dims));
            }
        }
        long values = 3L * dims[0] * dims[1] * dims[2];
        if (values > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("grid of " + Arrays.toString(dims) + " nodes is too large for one array; use a coarser spacing");
        }
        if (data.length != values) {
            throw new IllegalArgumentException("expected " + values + " values for a grid of " + Arrays.toString(dims) + ", got " + data.length);
        }
        this.origin = origin.clone();
        this.spacing = spacing.clone();
        this.dims = dims.clone();
        this.data = data;
        ox = origin[0];
        oy = origin[1];
        oz = origin[2];
        isx = 1 / spacing[0];
        isy = 1 / spacing[1];
        isz = 1 / spacing[2];
        maxFx = dims[0] - 1;
        maxFy = dims[1] - 1;
        maxFz = dims[2] - 1;
        // A single-node axis has no cell: its lower and upper corner coincide (stride 0), so lookups stay in bounds.
        lastCellX = Math.max(dims[0] - 2, 0);
        lastCellY = Math.max(dims[1] - 2, 0);
        lastCellZ = Math.max(dims[2] - 2, 0);
        rowStride = 3 * dims[0];
        planeStride = 3 * dims[0] * dims[1];
        cornerX = dims[0] > 1 ? 3 : 0;
        cornerY = dims[1] > 1 ? rowStride : 0;
        cornerZ = dims[2] > 1 ? planeStride : 0;
    }

    /** A zero field (the identity warp) on the given grid: origin and spacing in µm, dims in nodes. */
    public static DisplacementField zero(double[] originUm, double[] spacingUm, int[] dims) {
        return new DisplacementField(originUm, spacingUm, dims, new float[Math.toIntExact(3L * dims[0] * dims[1] * dims[2])]);
    }

    /**
     * A zero field on a grid of {@code spacingUm} that starts at the atlas origin and covers the whole atlas box
     * {@code [0, (n−1)·voxel]} on every axis (its last node may lie up to one spacing beyond the box).
     */
    public static DisplacementField covering(long[] atlasDims, VoxelSize atlasVoxel, double spacingUm) {
        int[] dims = new int[3];
        for (int d = 0; d < 3; d++) {
            double extent = (atlasDims[d] - 1) * atlasVoxel.um(d);
            // The small tolerance keeps an exact multiple (e.g. 131 × 100 µm at 100 µm) from gaining a node.
            dims[d] = Math.toIntExact((long) Math.ceil(extent / spacingUm - 1e-9) + 1);
        }
        return zero(new double[3], new double[] {spacingUm, spacingUm, spacingUm}, dims);
    }

    /**
     * A field from interleaved vectors (copied): 3 floats per node, µm, node order i fastest, then j, then k.
     */
    public static DisplacementField of(double[] originUm, double[] spacingUm, int[] dims, float[] interleaved) {
        return new DisplacementField(originUm, spacingUm, dims, interleaved.clone());
    }

    /** Takes ownership of {@code interleaved} (no copy): for readers and generators in this package. */
    static DisplacementField wrap(double[] originUm, double[] spacingUm, int[] dims, float[] interleaved) {
        return new DisplacementField(originUm, spacingUm, dims, interleaved);
    }

    /** A field on the given grid with {@code f} evaluated at every node (in parallel over planes). */
    public static DisplacementField compute(double[] originUm, double[] spacingUm, int[] dims, NodeFunction f) {
        DisplacementField g = zero(originUm, spacingUm, dims);
        return g.map(f);
    }

    /** A field on this field's grid with {@code f} evaluated at every node. */
    public DisplacementField map(NodeFunction f) {
        float[] out = new float[data.length];
        Parallel.forEach(dims[2], k -> {
            double[] v = new double[3];
            int n = 3 * dims[0] * dims[1] * k;
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++, n += 3) {
                    f.displacement(origin[0] + i * spacing[0], origin[1] + j * spacing[1], origin[2] + k * spacing[2], v);
                    out[n] = (float) v[0];
                    out[n + 1] = (float) v[1];
                    out[n + 2] = (float) v[2];
                }
            }
        });
        return new DisplacementField(origin, spacing, dims, out);
    }

    /** This field with every vector multiplied by {@code factor}. */
    public DisplacementField scaled(double factor) {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) (data[i] * factor);
        }
        return new DisplacementField(origin, spacing, dims, out);
    }

    /** Position of node (0, 0, 0), µm (a copy). */
    public double[] originUm() {
        return origin.clone();
    }

    /** Node spacing per axis, µm (a copy). */
    public double[] spacingUm() {
        return spacing.clone();
    }

    /** Number of nodes per axis (a copy). */
    public int[] dimensions() {
        return dims.clone();
    }

    public long nodeCount() {
        return (long) dims[0] * dims[1] * dims[2];
    }

    /** The stored vector at node (i, j, k), µm, into {@code out[0..2]}. */
    public void node(int i, int j, int k, double[] out) {
        int n = 3 * (i + dims[0] * (j + dims[1] * k));
        out[0] = data[n];
        out[1] = data[n + 1];
        out[2] = data[n + 2];
    }

    /** All vectors, interleaved (a copy). */
    public float[] toArray() {
        return data.clone();
    }

    /** The backing array, for readers and writers in this package: do not modify. */
    float[] data() {
        return data;
    }

    /** Origin, spacing and size without copying, for this package. */
    double origin(int d) {
        return origin[d];
    }

    double spacing(int d) {
        return spacing[d];
    }

    int size(int d) {
        return dims[d];
    }

    /** The same grid with other vectors (taken over, not copied). */
    DisplacementField withData(float[] vectors) {
        return new DisplacementField(origin, spacing, dims, vectors);
    }

    /** True if every vector is zero. */
    public boolean isZero() {
        for (float f : data) {
            if (f != 0) {
                return false;
            }
        }
        return true;
    }

    /** The displacement (µm) at {@code p} (µm) into {@code out}. */
    public void displacement(double[] p, double[] out) {
        displacement(p[0], p[1], p[2], out);
    }

    /**
     * The displacement (µm) at the point (x, y, z) µm into {@code out[0..2]}: trilinear between the 8 surrounding
     * nodes, the nearest face/edge/corner value outside the grid. Allocates nothing.
     */
    public void displacement(double x, double y, double z, double[] out) {
        double fx = clamp((x - ox) * isx, maxFx);
        double fy = clamp((y - oy) * isy, maxFy);
        double fz = clamp((z - oz) * isz, maxFz);
        int i = Math.min((int) fx, lastCellX);
        int j = Math.min((int) fy, lastCellY);
        int k = Math.min((int) fz, lastCellZ);
        double tx = fx - i, ty = fy - j, tz = fz - k;
        int b = 3 * i + j * rowStride + k * planeStride;
        final float[] d = data;
        final int sx = cornerX, sy = cornerY, sz = cornerZ;
        for (int c = 0; c < 3; c++) {
            int p = b + c;
            // Widen to double before subtracting: float differences would round.
            double a000 = d[p], a100 = d[p + sx], a010 = d[p + sy], a110 = d[p + sy + sx];
            double a001 = d[p + sz], a101 = d[p + sz + sx], a011 = d[p + sz + sy], a111 = d[p + sz + sy + sx];
            double c00 = a000 + tx * (a100 - a000);
            double c10 = a010 + tx * (a110 - a010);
            double c01 = a001 + tx * (a101 - a001);
            double c11 = a011 + tx * (a111 - a011);
            double c0 = c00 + ty * (c10 - c00);
            double c1 = c01 + ty * (c11 - c01);
            out[c] = c0 + tz * (c1 - c0);
        }
    }

    /**
     * The displacement and its spatial derivatives at (x, y, z) µm: {@code out[c]} = u_c, {@code out[3 + 3c + a]} =
     * ∂u_c/∂x_a (per µm). Derivatives are those of the trilinear interpolant, and zero across an axis where the
     * point lies beyond the grid (the field is constant there).
     */
    void displacementAndGradient(double x, double y, double z, double[] out) {
        double rx = (x - ox) * isx, ry = (y - oy) * isy, rz = (z - oz) * isz;
        double fx = clamp(rx, maxFx), fy = clamp(ry, maxFy), fz = clamp(rz, maxFz);
        // Inside the box (or on its face) the slope is the cell's; strictly outside it is zero.
        double gx = rx == fx && maxFx > 0 ? isx : 0;
        double gy = ry == fy && maxFy > 0 ? isy : 0;
        double gz = rz == fz && maxFz > 0 ? isz : 0;
        int i = Math.min((int) fx, lastCellX);
        int j = Math.min((int) fy, lastCellY);
        int k = Math.min((int) fz, lastCellZ);
        double tx = fx - i, ty = fy - j, tz = fz - k;
        int b = 3 * i + j * rowStride + k * planeStride;
        final float[] d = data;
        final int sx = cornerX, sy = cornerY, sz = cornerZ;
        for (int c = 0; c < 3; c++) {
            int p = b + c;
            double a000 = d[p], a100 = d[p + sx], a010 = d[p + sy], a110 = d[p + sy + sx];
            double a001 = d[p + sz], a101 = d[p + sz + sx], a011 = d[p + sz + sy], a111 = d[p + sz + sy + sx];
            double c00 = a000 + tx * (a100 - a000);
            double c10 = a010 + tx * (a110 - a010);
            double c01 = a001 + tx * (a101 - a001);
            double c11 = a011 + tx * (a111 - a011);
            double c0 = c00 + ty * (c10 - c00);
            double c1 = c01 + ty * (c11 - c01);
            out[c] = c0 + tz * (c1 - c0);
            // ∂/∂x: x-differences, interpolated in y and z.
            double e0 = (a100 - a000) + ty * ((a110 - a010) - (a100 - a000));
            double e1 = (a101 - a001) + ty * ((a111 - a011) - (a101 - a001));
            out[3 + 3 * c] = (e0 + tz * (e1 - e0)) * gx;
            // ∂/∂y: y-differences of the x-interpolated values, interpolated in z.
            out[4 + 3 * c] = ((c10 - c00) + tz * ((c11 - c01) - (c10 - c00))) * gy;
            // ∂/∂z
            out[5 + 3 * c] = (c1 - c0) * gz;
        }
    }

    private static double clamp(double f, double max) {
        // NaN passes through both tests and yields NaN results, which is what an undefined input deserves.
        return f <= 0 ? 0 : f >= max ? max : f;
    }

    /** Largest |u| over the nodes, µm. */
    public double maxDisplacementUm() {
        double max = 0;
        for (int n = 0; n < data.length; n += 3) {
            double s = (double) data[n] * data[n] + (double) data[n + 1] * data[n + 1] + (double) data[n + 2] * data[n + 2];
            max = Math.max(max, s);
        }
        return Math.sqrt(max);
    }

    /**
     * Determinant of the Jacobian of {@code W = I + ∇u} at node (i, j, k), by central differences of the node
     * values (one-sided on the grid's faces; zero derivative along a single-node axis).
     */
    public double jacobianDeterminant(int i, int j, int k) {
        return jacobianDeterminant(i, j, k, new double[9]);
    }

    private double jacobianDeterminant(int i, int j, int k, double[] g) {
        nodeGradient(i, j, k, g);
        return det3(1 + g[0], g[1], g[2], g[3], 1 + g[4], g[5], g[6], g[7], 1 + g[8]);
    }

    /** ∂u_c/∂x_a at a node into g[3c + a]. */
    private void nodeGradient(int i, int j, int k, double[] g) {
        int base = 3 * i + j * rowStride + k * planeStride;
        difference(base, i, dims[0], 3, spacing[0], g, 0);
        difference(base, j, dims[1], rowStride, spacing[1], g, 1);
        difference(base, k, dims[2], planeStride, spacing[2], g, 2);
    }

    /** Central (one-sided at the ends) difference along one axis, for all three components, into g[3c + axis]. */
    private void difference(int base, int index, int size, int stride, double spacingUm, double[] g, int axis) {
        int lo = index > 0 ? -1 : 0;
        int hi = index < size - 1 ? 1 : 0;
        if (lo == hi) {
            g[axis] = g[3 + axis] = g[6 + axis] = 0; // a single-node axis: nothing varies along it
            return;
        }
        double h = (hi - lo) * spacingUm;
        for (int c = 0; c < 3; c++) {
            g[3 * c + axis] = ((double) data[base + hi * stride + c] - data[base + lo * stride + c]) / h;
        }
    }

    /** Jacobian determinants of {@code W} over all nodes (in parallel over planes; the result is exact and deterministic). */
    public Jacobian jacobian() {
        int nz = dims[2];
        double[] min = new double[nz], max = new double[nz];
        long[] folded = new long[nz];
        Parallel.forEach(nz, k -> {
            double[] g = new double[9];
            double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
            long f = 0;
            for (int j = 0; j < dims[1]; j++) {
                for (int i = 0; i < dims[0]; i++) {
                    double d = jacobianDeterminant(i, j, k, g);
                    lo = Math.min(lo, d);
                    hi = Math.max(hi, d);
                    if (!(d > 0)) {
                        f++;
                    }
                }
            }
            min[k] = lo;
            max[k] = hi;
            folded[k] = f;
        });
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        long f = 0;
        for (int k = 0; k < nz; k++) {
            lo = Math.min(lo, min[k]);
            hi = Math.max(hi, max[k]);
            f += folded[k];
        }
        return new Jacobian(lo, hi, f, nodeCount());
    }

    /** {@link #inverse(int, Progress)} without progress. */
    public Inversion inverse(int iterations) {
        return inverse(iterations, Progress.NONE);
    }

    /**
     * The inverse displacement {@code v} on this grid, such that {@code W⁻¹(y) = y + v(y)}: at every node y it
     * solves the fixed-point equation {@code v = −u(y + v)}, starting from {@code v = −u(y)}.
     * <p>
     * Each iteration is the Newton step on that equation, {@code v += (I + ∇u)⁻¹ · (−v − u(y + v))}, which is the
     * plain fixed-point update {@code v ← −u(y + v)} corrected by the local Jacobian: the plain update only
     * converges where |∇u| &lt; 1 and crawls near that limit, whereas smooth warps with large displacements need
     * a handful of Newton steps. Where {@code I + ∇u} is nearly singular (a fold) the plain update is used. Each
     * node keeps its best iterate and stops early once its residual is below 10⁻⁴ µm. Nodes are independent, so
     * the result does not depend on the number of threads.
     *
     * @param iterations most steps per node (e.g. {@link #DEFAULT_INVERSE_ITERATIONS})
     * @throws org.neuroatlas.core.CanceledException if canceled through {@code progress}
     */
    public Inversion inverse(int iterations, Progress progress) {
        return WarpInverse.invert(this, iterations, progress);
    }

    /**
     * Largest {@code |W(y + v(y)) − y|} over the nodes of {@code v} (µm): how well {@code v} inverts this field,
     * e.g. for an inverse that came from elsewhere.
     */
    public double inverseResidualUm(DisplacementField v) {
        return WarpInverse.residual(this, v);
    }

    /** True if both grids have the same origin, spacing and size. */
    public boolean sameGrid(DisplacementField other) {
        return Arrays.equals(origin, other.origin) && Arrays.equals(spacing, other.spacing) && Arrays.equals(dims, other.dims);
    }

    /**
     * Writes this field as a gzip-compressed 4-D NRRD (layout: see the package documentation),
     * atomically: the file appears complete or not at all.
     */
    public void write(Path file) throws IOException {
        DisplacementFieldNrrd.write(this, file);
    }

    /**
     * Reads a field written by {@link #write}.
     *
     * @throws org.neuroatlas.core.InputException if the file is missing, damaged or not a NeuroAtlas displacement
     *                                            field (the message names the file and says what to do)
     */
    public static DisplacementField read(Path file) throws IOException {
        return DisplacementFieldNrrd.read(file);
    }

    static double det3(double a, double b, double c, double d, double e, double f, double g, double h, double i) {
        return a * (e * i - f * h) - b * (d * i - f * g) + c * (d * h - e * g);
    }

    /** Same grid and bit-identical vectors. */
    @Override
    public boolean equals(Object o) {
        return o instanceof DisplacementField other && sameGrid(other) && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(dims) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "DisplacementField " + dims[0] + "×" + dims[1] + "×" + dims[2] + " nodes at " + AffineMap.number(spacing[0]) + ","
                + AffineMap.number(spacing[1]) + "," + AffineMap.number(spacing[2]) + " µm from (" + AffineMap.number(origin[0]) + ","
                + AffineMap.number(origin[1]) + "," + AffineMap.number(origin[2]) + ") µm";
    }
}
