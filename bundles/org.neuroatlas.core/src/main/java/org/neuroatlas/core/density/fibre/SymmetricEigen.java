package org.neuroatlas.core.density.fibre;

/** Eigenvalues of a symmetric 3 × 3 matrix in closed form (trigonometric solution of the characteristic cubic). */
final class SymmetricEigen {

    private static final double TWO_PI_THIRDS = 2 * Math.PI / 3;

    private SymmetricEigen() {
    }

    /**
     * The tubularity of a bright line from the Hessian's eigenvalues e1 ≤ e2 ≤ e3: −e2 − |e3|. Across a bright
     * tube two eigenvalues are strongly negative and the one along it near 0, so this is about −e2; a plate (one
     * negative eigenvalue) gives about 0, and a blob (all three negative, equal) about 0 too — which is why somata and
     * their edges do not look like fibres at the fibre scale.
     */
    static double tubularity(double xx, double yy, double zz, double xy, double xz, double yz) {
        double p1 = xy * xy + xz * xz + yz * yz;
        double q = (xx + yy + zz) / 3;
        double a = xx - q;
        double b = yy - q;
        double c = zz - q;
        double p2 = a * a + b * b + c * c + 2 * p1;
        if (p2 <= 0) {
            return -q - Math.abs(q); // a multiple of the identity: e1 = e2 = e3 = q
        }
        double p = Math.sqrt(p2 / 6);
        // det(B)/2 with B = (A − qI)/p
        double det = a * (b * c - yz * yz) - xy * (xy * c - yz * xz) + xz * (xy * yz - b * xz);
        double r = det / (2 * p * p * p);
        double phi = r <= -1 ? Math.PI / 3 : r >= 1 ? 0 : Math.acos(r) / 3;
        double e3 = q + 2 * p * Math.cos(phi);
        double e1 = q + 2 * p * Math.cos(phi + TWO_PI_THIRDS);
        double e2 = 3 * q - e1 - e3;
        return -e2 - Math.abs(e3);
    }
}
