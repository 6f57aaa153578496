package org.neuroatlas.core.detect.score;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.io.TextTable;

/**
 * Cell centres in µm ({@code x_um}, {@code y_um}, {@code z_um}: column × voxel x, row × voxel y, plane × voxel z),
 * in table order; index {@code i} is the {@code i}-th data row (0-based, header not counted). Every coordinate is
 * finite.
 */
public final class CellPositions {

    public static final String X = "x_um";
    public static final String Y = "y_um";
    public static final String Z = "z_um";
    private static final String[] COLUMNS = {X, Y, Z};
    private static final Set<String> NOT_FINITE = Set.of("nan", "-nan", "na", "inf", "+inf", "-inf", "infinity", "+infinity", "-infinity");

    private final double[] x;
    private final double[] y;
    private final double[] z;

    private CellPositions(double[] x, double[] y, double[] z) {
        this.x = x;
        this.y = y;
        this.z = z;
    }

    /**
     * Cells given as coordinate arrays in µm (copied).
     *
     * @throws IllegalArgumentException if the lengths differ or a coordinate is not finite
     */
    public static CellPositions of(double[] xUm, double[] yUm, double[] zUm) {
        if (xUm.length != yUm.length || xUm.length != zUm.length) {
            throw new IllegalArgumentException("coordinate arrays of lengths " + xUm.length + ", " + yUm.length + ", " + zUm.length);
        }
        for (int i = 0; i < xUm.length; i++) {
            if (!Double.isFinite(xUm[i]) || !Double.isFinite(yUm[i]) || !Double.isFinite(zUm[i])) {
                throw new IllegalArgumentException("cell " + i + " has a non-finite coordinate");
            }
        }
        return new CellPositions(xUm.clone(), yUm.clone(), zUm.clone());
    }

    /** Cells given as {@code {x, y, z}} triples in µm (convenient for tests and small inputs). */
    public static CellPositions of(double[]... xyzUm) {
        int n = xyzUm.length;
        double[] x = new double[n];
        double[] y = new double[n];
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            if (xyzUm[i].length != 3) {
                throw new IllegalArgumentException("cell " + i + " has " + xyzUm[i].length + " coordinates, not 3");
            }
            x[i] = xyzUm[i][0];
            y[i] = xyzUm[i][1];
            z[i] = xyzUm[i][2];
        }
        return of(x, y, z);
    }

    /**
     * Reads the columns {@code x_um}, {@code y_um}, {@code z_um} of any CSV with a header line (other columns are
     * ignored), e.g. a detector's output or the simulator's ground-truth {@code cells.csv}.
     *
     * @throws InputException naming the file, and the line and column of the first bad value, if the file is
     *                        missing or unreadable, lacks a column, or holds an empty, non-numeric or non-finite
     *                        coordinate
     */
    public static CellPositions read(Path csv) {
        return from(CsvTable.read(csv));
    }

    /** The cells of a table with columns {@code x_um}, {@code y_um}, {@code z_um}; errors as for {@link #read}. */
    public static CellPositions from(TextTable table) {
        table.requireColumns(COLUMNS);
        int n = table.size();
        double[][] v = new double[3][n];
        for (int r = 0; r < n; r++) {
            for (int d = 0; d < 3; d++) {
                v[d][r] = coordinate(table, r, COLUMNS[d]);
            }
        }
        return new CellPositions(v[0], v[1], v[2]);
    }

    private static double coordinate(TextTable t, int row, String column) {
        String s = t.get(row, column);
        if (s.isEmpty()) {
            throw t.error(row, column, "the coordinate is empty", "Every cell needs x_um, y_um and z_um");
        }
        double v;
        try {
            v = Double.parseDouble(s);
        } catch (NumberFormatException e) {
            // Spellings of missing/infinite values from other tools (numpy, R) get the same message as Java's NaN.
            if (NOT_FINITE.contains(s.toLowerCase(Locale.ROOT))) {
                v = Double.NaN;
            } else {
                throw t.error(row, column, "'" + s + "' is not a number", "Use a plain decimal number of µm such as 125.5");
            }
        }
        if (!Double.isFinite(v)) {
            // Double.parseDouble accepts "NaN" and "Infinity"; a cell there cannot be matched, so it is an input error.
            throw t.error(row, column, "'" + s + "' is not a finite number", "Remove the cell or give its position in µm");
        }
        return v;
    }

    /**
     * The cells inside the box [min, max] (µm per axis, inclusive). Scoring a crop of a larger image should use
     * the same box, shrunk by about a cell radius, for both tables: a detection just inside a face may be a cell
     * centred just outside, which the truth of the crop does not list.
     */
    public CellPositions inside(double[] minUm, double[] maxUm) {
        int n = 0;
        int[] keep = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            if (x[i] >= minUm[0] && x[i] <= maxUm[0] && y[i] >= minUm[1] && y[i] <= maxUm[1] && z[i] >= minUm[2] && z[i] <= maxUm[2]) {
                keep[n++] = i;
            }
        }
        double[] kx = new double[n];
        double[] ky = new double[n];
        double[] kz = new double[n];
        for (int k = 0; k < n; k++) {
            kx[k] = x[keep[k]];
            ky[k] = y[keep[k]];
            kz[k] = z[keep[k]];
        }
        return new CellPositions(kx, ky, kz);
    }

    /**
     * The same cells in a frame whose origin is {@code -offsetUm}: each position plus {@code offsetUm} (x, y, z,
     * µm). Carries cells detected in a sub-volume into the frame of the whole volume it was cut from.
     */
    public CellPositions shifted(double[] offsetUm) {
        double[] sx = x.clone();
        double[] sy = y.clone();
        double[] sz = z.clone();
        for (int i = 0; i < sx.length; i++) {
            sx[i] += offsetUm[0];
            sy[i] += offsetUm[1];
            sz[i] += offsetUm[2];
        }
        return new CellPositions(sx, sy, sz);
    }

    /** Number of cells. */
    public int size() {
        return x.length;
    }

    /** x of cell {@code i}, µm. */
    public double xUm(int i) {
        return x[i];
    }

    /** y of cell {@code i}, µm. */
    public double yUm(int i) {
        return y[i];
    }

    /** z of cell {@code i}, µm. */
    public double zUm(int i) {
        return z[i];
    }
}
