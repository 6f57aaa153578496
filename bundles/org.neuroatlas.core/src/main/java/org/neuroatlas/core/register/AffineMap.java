package org.neuroatlas.core.register;

import java.util.Arrays;

import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * An affine map of 3-D physical coordinates, {@code x → M·x + t}, with {@code M} an invertible-or-not 3×3 matrix
 * and {@code t} a translation in µm. Immutable and thread-safe.
 * <p>
 * Stored as 12 numbers in row order {@code m00 m01 m02 t0  m10 m11 m12 t1  m20 m21 m22 t2} (the top three rows of
 * the homogeneous 4×4 matrix), which is also its text form ({@link #toString()}, {@link #parse(String)}).
 */
public final class AffineMap {

    private static final AffineMap IDENTITY = new AffineMap(new double[] {1, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1, 0});

    /** Row-major 3×4: m[4r + c] is M[r][c] for c < 3, m[4r + 3] is t[r]. */
    private final double[] m;

    private AffineMap(double[] m) {
        this.m = m;
    }

    /** The map that changes nothing. */
    public static AffineMap identity() {
        return IDENTITY;
    }

    /**
     * The map with the given 12 numbers, in row order {@code m00 m01 m02 t0 m10 m11 m12 t1 m20 m21 m22 t2}
     * (translations in µm).
     *
     * @throws IllegalArgumentException if there are not 12 finite numbers
     */
    public static AffineMap of(double... rowMajor3x4) {
        if (rowMajor3x4.length != 12) {
            throw new IllegalArgumentException("an affine map has 12 numbers, not " + rowMajor3x4.length);
        }
        for (double d : rowMajor3x4) {
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("affine map numbers must be finite: " + Arrays.toString(rowMajor3x4));
            }
        }
        return new AffineMap(rowMajor3x4.clone());
    }

    /** {@code x → matrix·x + translation}; {@code matrix[row][column]}, translation in µm. */
    public static AffineMap of(double[][] matrix, double[] translationUm) {
        double[] a = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                a[4 * r + c] = matrix[r][c];
            }
            a[4 * r + 3] = translationUm[r];
        }
        return of(a);
    }

    /** {@code x → x + (dx, dy, dz)}, µm. */
    public static AffineMap translation(double dxUm, double dyUm, double dzUm) {
        return of(1, 0, 0, dxUm, 0, 1, 0, dyUm, 0, 0, 1, dzUm);
    }

    /** Scaling about the origin by the dimensionless factors {@code sx, sy, sz}. */
    public static AffineMap scaling(double sx, double sy, double sz) {
        return of(sx, 0, 0, 0, 0, sy, 0, 0, 0, 0, sz, 0);
    }

    /** Scaling by {@code sx, sy, sz} about {@code centreUm} (which stays where it is). */
    public static AffineMap scaling(double sx, double sy, double sz, double[] centreUm) {
        return about(scaling(sx, sy, sz), centreUm);
    }

    /**
     * Rotation about {@code centreUm} (which stays where it is): first by {@code degX} about the x axis, then by
     * {@code degY} about y, then by {@code degZ} about z (right-handed, angles in degrees), i.e. the matrix
     * {@code Rz·Ry·Rx}.
     */
    public static AffineMap rotation(double degX, double degY, double degZ, double[] centreUm) {
        // StrictMath: the simulator derives poses from seeds and must get the same numbers on every machine.
        double cx = StrictMath.cos(StrictMath.toRadians(degX)), sx = StrictMath.sin(StrictMath.toRadians(degX));
        double cy = StrictMath.cos(StrictMath.toRadians(degY)), sy = StrictMath.sin(StrictMath.toRadians(degY));
        double cz = StrictMath.cos(StrictMath.toRadians(degZ)), sz = StrictMath.sin(StrictMath.toRadians(degZ));
        AffineMap rx = of(1, 0, 0, 0, 0, cx, -sx, 0, 0, sx, cx, 0);
        AffineMap ry = of(cy, 0, sy, 0, 0, 1, 0, 0, -sy, 0, cy, 0);
        AffineMap rz = of(cz, -sz, 0, 0, sz, cz, 0, 0, 0, 0, 1, 0);
        return about(rx.andThen(ry).andThen(rz), centreUm);
    }

    /** {@code linear} applied about {@code c}: x → L(x − c) + c. */
    private static AffineMap about(AffineMap linear, double[] c) {
        return translation(-c[0], -c[1], -c[2]).andThen(linear).andThen(translation(c[0], c[1], c[2]));
    }

    /**
     * The physical-coordinate form of a reorientation: maps a position in the source volume's µm
     * ({@code index × sourceVoxel}) to the position of the same point in the reoriented volume's µm
     * ({@code index × targetVoxel}), where the reoriented index is {@link AxisMapping#mapPosition}. A flipped axis
     * {@code i → n−1−i} becomes {@code x → (n−1)·v − x} when both voxel sizes agree.
     *
     * @param sourceDims  source volume size in voxels (x, y, z), needed for flipped axes
     * @param sourceVoxel source voxel size, µm
     * @param targetVoxel target voxel size, µm; normally {@code mapping.mapVoxelSize(sourceVoxel)}
     */
    public static AffineMap fromAxisMapping(AxisMapping mapping, long[] sourceDims, VoxelSize sourceVoxel, VoxelSize targetVoxel) {
        double[] a = new double[12];
        for (int t = 0; t < 3; t++) {
            int s = mapping.sourceDimension(t);
            double scale = targetVoxel.um(t) / sourceVoxel.um(s); // source µm → source index → target µm
            if (mapping.flips(t)) {
                a[4 * t + s] = -scale;
                a[4 * t + 3] = (sourceDims[s] - 1) * targetVoxel.um(t);
            } else {
                a[4 * t + s] = scale;
            }
        }
        return of(a);
    }

    /**
     * Parses the 12 numbers of {@link #toString()} (separated by blanks and/or commas, optionally in brackets).
     *
     * @throws IllegalArgumentException if the text is not 12 finite numbers
     */
    public static AffineMap parse(String text) {
        String t = text == null ? "" : text.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1).trim();
        }
        String[] parts = t.isEmpty() ? new String[0] : t.split("[\\s,]+");
        if (parts.length != 12) {
            throw new IllegalArgumentException("'" + text + "' is not an affine map: expected 12 numbers, found " + parts.length);
        }
        double[] a = new double[12];
        for (int i = 0; i < 12; i++) {
            try {
                a[i] = Double.parseDouble(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + parts[i] + "' in affine map '" + text + "' is not a number", e);
            }
        }
        return of(a);
    }

    /** Maps {@code p} (µm) into {@code out} (may be the same array). */
    public void apply(double[] p, double[] out) {
        apply(p[0], p[1], p[2], out);
    }

    /** Maps the point (x, y, z) µm into {@code out[0..2]}. */
    public void apply(double x, double y, double z, double[] out) {
        double ox = m[0] * x + m[1] * y + m[2] * z + m[3];
        double oy = m[4] * x + m[5] * y + m[6] * z + m[7];
        double oz = m[8] * x + m[9] * y + m[10] * z + m[11];
        out[0] = ox;
        out[1] = oy;
        out[2] = oz;
    }

    /** The image of {@code p} as a new array. */
    public double[] apply(double[] p) {
        double[] out = new double[3];
        apply(p, out);
        return out;
    }

    /** Maps a vector (difference of points): the matrix part only, no translation. */
    public void applyLinear(double[] v, double[] out) {
        double ox = m[0] * v[0] + m[1] * v[1] + m[2] * v[2];
        double oy = m[4] * v[0] + m[5] * v[1] + m[6] * v[2];
        double oz = m[8] * v[0] + m[9] * v[1] + m[10] * v[2];
        out[0] = ox;
        out[1] = oy;
        out[2] = oz;
    }

    /** Matrix element {@code M[row][column]} (dimensionless), or for {@code column == 3} the translation (µm). */
    public double get(int row, int column) {
        if (row < 0 || row > 2 || column < 0 || column > 3) {
            throw new IndexOutOfBoundsException("(" + row + "," + column + ")");
        }
        return m[4 * row + column];
    }

    /** The 12 numbers in row order (a copy). */
    public double[] toArray() {
        return m.clone();
    }

    /** The translation {@code t}, µm (a copy). */
    public double[] translationUm() {
        return new double[] {m[3], m[7], m[11]};
    }

    /** Determinant of the matrix part: the factor by which the map scales volumes (negative if it mirrors). */
    public double determinant() {
        return m[0] * (m[5] * m[10] - m[6] * m[9]) - m[1] * (m[4] * m[10] - m[6] * m[8]) + m[2] * (m[4] * m[9] - m[5] * m[8]);
    }

    /**
     * The map that undoes this one.
     *
     * @throws IllegalStateException if the matrix is singular (determinant zero relative to its size)
     */
    public AffineMap inverse() {
        double det = determinant();
        double scale = 0;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                scale = Math.max(scale, Math.abs(m[4 * r + c]));
            }
        }
        if (!(Math.abs(det) > 1e-12 * scale * scale * scale)) {
            throw new IllegalStateException("affine map is not invertible (determinant " + det + "): " + this);
        }
        // Adjugate divided by the determinant.
        double[] i = new double[12];
        i[0] = (m[5] * m[10] - m[6] * m[9]) / det;
        i[1] = (m[2] * m[9] - m[1] * m[10]) / det;
        i[2] = (m[1] * m[6] - m[2] * m[5]) / det;
        i[4] = (m[6] * m[8] - m[4] * m[10]) / det;
        i[5] = (m[0] * m[10] - m[2] * m[8]) / det;
        i[6] = (m[2] * m[4] - m[0] * m[6]) / det;
        i[8] = (m[4] * m[9] - m[5] * m[8]) / det;
        i[9] = (m[1] * m[8] - m[0] * m[9]) / det;
        i[10] = (m[0] * m[5] - m[1] * m[4]) / det;
        // t' = −M⁻¹·t
        for (int r = 0; r < 3; r++) {
            i[4 * r + 3] = -(i[4 * r] * m[3] + i[4 * r + 1] * m[7] + i[4 * r + 2] * m[11]);
        }
        return new AffineMap(i);
    }

    /** The map {@code x → next(this(x))}: first this, then {@code next}. */
    public AffineMap andThen(AffineMap next) {
        double[] n = next.m;
        double[] c = new double[12];
        for (int r = 0; r < 3; r++) {
            for (int col = 0; col < 4; col++) {
                double s = n[4 * r] * m[col] + n[4 * r + 1] * m[4 + col] + n[4 * r + 2] * m[8 + col];
                c[4 * r + col] = col == 3 ? s + n[4 * r + 3] : s;
            }
        }
        return new AffineMap(c);
    }

    /** True if this map changes nothing (exactly). */
    public boolean isIdentity() {
        return Arrays.equals(m, IDENTITY.m);
    }

    /** Largest absolute difference between the 12 numbers of the two maps (translations in µm). */
    public double maxDifference(AffineMap other) {
        double d = 0;
        for (int i = 0; i < 12; i++) {
            d = Math.max(d, Math.abs(m[i] - other.m[i]));
        }
        return d;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AffineMap other && Arrays.equals(m, other.m);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(m);
    }

    /** The 12 numbers in row order, blank-separated, each printed so that {@link #parse} gives it back exactly. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(number(m[i]));
        }
        return sb.toString();
    }

    /** Shortest exact text: integers without ".0", else Java's round-trip representation. */
    static String number(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
            return Long.toString((long) d);
        }
        return Double.toString(d);
    }
}
