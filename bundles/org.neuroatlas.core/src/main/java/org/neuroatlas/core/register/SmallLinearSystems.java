package org.neuroatlas.core.register;

/**
 * Solves the small dense systems of the registration optimiser (at most 12 unknowns). Kept here rather than taken
 * from a linear-algebra library so that the engine bundle needs no further run-time dependency in KNIME.
 */
final class SmallLinearSystems {

    private SmallLinearSystems() {
    }

    /**
     * Solves {@code a·x = b} by Gaussian elimination with partial pivoting; {@code a} and {@code b} are left
     * unchanged.
     *
     * @return x, or null if {@code a} is singular to working precision (a pivot below 10⁻¹⁴ of the largest entry)
     */
    static double[] solve(double[][] a, double[] b) {
        int n = b.length;
        double[][] m = new double[n][];
        double scale = 0;
        for (int i = 0; i < n; i++) {
            m[i] = new double[n + 1];
            System.arraycopy(a[i], 0, m[i], 0, n);
            m[i][n] = b[i];
            for (int j = 0; j < n; j++) {
                scale = Math.max(scale, Math.abs(a[i][j]));
            }
        }
        for (int col = 0; col < n; col++) {
            int pivot = col;
            for (int r = col + 1; r < n; r++) {
                if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) {
                    pivot = r;
                }
            }
            if (!(Math.abs(m[pivot][col]) > 1e-14 * scale)) {
                return null;
            }
            double[] tmp = m[col];
            m[col] = m[pivot];
            m[pivot] = tmp;
            for (int r = col + 1; r < n; r++) {
                double f = m[r][col] / m[col][col];
                if (f != 0) {
                    for (int c = col; c <= n; c++) {
                        m[r][c] -= f * m[col][c];
                    }
                }
            }
        }
        double[] x = new double[n];
        for (int r = n - 1; r >= 0; r--) {
            double s = m[r][n];
            for (int c = r + 1; c < n; c++) {
                s -= m[r][c] * x[c];
            }
            x[r] = s / m[r][r];
        }
        return x;
    }

    /**
     * Solves the symmetric positive definite 3×3 system {@code a·x = r} (upper triangle given) by its adjugate, without
     * allocating: it runs once per voxel.
     *
     * @return false, leaving {@code x} unchanged, if {@code a} is not positive definite
     */
    static boolean solveSymmetric3(double a00, double a01, double a02, double a11, double a12, double a22, double r0, double r1,
            double r2, double[] x) {
        double c00 = a11 * a22 - a12 * a12, c01 = a02 * a12 - a01 * a22, c02 = a01 * a12 - a02 * a11;
        double c11 = a00 * a22 - a02 * a02, c12 = a01 * a02 - a00 * a12, c22 = a00 * a11 - a01 * a01;
        double det = a00 * c00 + a01 * c01 + a02 * c02;
        // Sylvester's criterion: all leading principal minors positive
        if (!(a00 > 0 && c22 > 0 && det > 0)) {
            return false;
        }
        x[0] = (c00 * r0 + c01 * r1 + c02 * r2) / det;
        x[1] = (c01 * r0 + c11 * r1 + c12 * r2) / det;
        x[2] = (c02 * r0 + c12 * r1 + c22 * r2) / det;
        return true;
    }
}
