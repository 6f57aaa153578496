package org.neuroatlas.core.simulate;

/**
 * One cell body: an ellipsoid with semi-axes a, b, c (µm) along its own axes, turned into place by a rotation
 * (unit quaternion w + xi + yj + zk, normalised on construction) and centred at (x, y, z) µm, with a peak
 * brightness (expected photons per voxel at full occupancy, before the point spread function). TH+ somata are
 * 10–25 µm across, i.e. semi-axes of 5–12.5 µm. How it is drawn is {@link SomaRenderer}'s business.
 *
 * @param xUm        centre x, µm
 * @param yUm        centre y, µm
 * @param zUm        centre z, µm
 * @param aUm        semi-axis along the soma's first axis, µm
 * @param bUm        semi-axis along its second axis, µm
 * @param cUm        semi-axis along its third axis, µm
 * @param qw         rotation quaternion, real part (body axes → world axes)
 * @param qx         rotation quaternion, i part
 * @param qy         rotation quaternion, j part
 * @param qz         rotation quaternion, k part
 * @param brightness peak brightness, ≥ 0 (same unit as the rendered plane)
 */
public record Soma(double xUm, double yUm, double zUm, double aUm, double bUm, double cUm,
        double qw, double qx, double qy, double qz, double brightness) {

    public Soma {
        if (!(aUm > 0 && bUm > 0 && cUm > 0) || Double.isInfinite(aUm) || Double.isInfinite(bUm) || Double.isInfinite(cUm)) {
            throw new IllegalArgumentException("semi-axes must be positive and finite: " + aUm + ", " + bUm + ", " + cUm);
        }
        if (!Double.isFinite(xUm) || !Double.isFinite(yUm) || !Double.isFinite(zUm)) {
            throw new IllegalArgumentException("centre must be finite: " + xUm + ", " + yUm + ", " + zUm);
        }
        if (!(brightness >= 0) || Double.isInfinite(brightness)) {
            throw new IllegalArgumentException("brightness must be finite and ≥ 0: " + brightness);
        }
        double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("rotation quaternion must be non-zero and finite");
        }
        qw /= n;
        qx /= n;
        qy /= n;
        qz /= n;
    }

    /** A soma whose semi-axes a, b, c lie along x, y, z. */
    public static Soma axisAligned(double xUm, double yUm, double zUm, double aUm, double bUm, double cUm, double brightness) {
        return new Soma(xUm, yUm, zUm, aUm, bUm, cUm, 1, 0, 0, 0, brightness);
    }

    /**
     * A soma with semi-axes drawn uniformly from [minSemiAxisUm, maxSemiAxisUm] and a uniformly random
     * orientation, from {@code random} (e.g. {@code DeterministicRandom.of(seed, stream, cellIndex)}).
     */
    public static Soma random(double xUm, double yUm, double zUm, double minSemiAxisUm, double maxSemiAxisUm,
            double brightness, DeterministicRandom random) {
        double a = random.nextDouble(minSemiAxisUm, maxSemiAxisUm);
        double b = random.nextDouble(minSemiAxisUm, maxSemiAxisUm);
        double c = random.nextDouble(minSemiAxisUm, maxSemiAxisUm);
        // A normalised 4D Gaussian is a uniformly random rotation.
        return new Soma(xUm, yUm, zUm, a, b, c, random.nextGaussian(), random.nextGaussian(), random.nextGaussian(),
                random.nextGaussian(), brightness);
    }

    /** Radius of a sphere around the centre that contains the ellipsoid: the largest semi-axis, µm. */
    public double boundingRadiusUm() {
        return Math.max(aUm, Math.max(bUm, cUm));
    }

    /** Volume of the ellipsoid, µm³. */
    public double volumeUm3() {
        return 4.0 / 3.0 * Math.PI * aUm * bUm * cUm;
    }

    /**
     * The rotation as a row-major 3×3 matrix R (body → world: world offset = R · body offset); its columns are the
     * directions of the a, b and c axes.
     */
    public double[] rotationMatrix() {
        return new double[] {
            1 - 2 * (qy * qy + qz * qz), 2 * (qx * qy - qz * qw), 2 * (qx * qz + qy * qw),
            2 * (qx * qy + qz * qw), 1 - 2 * (qx * qx + qz * qz), 2 * (qy * qz - qx * qw),
            2 * (qx * qz - qy * qw), 2 * (qy * qz + qx * qw), 1 - 2 * (qx * qx + qy * qy)};
    }

    /**
     * Half the extent of the ellipsoid along a world axis (0 = x, 1 = y, 2 = z), µm: the ellipsoid spans centre ±
     * this. Exact: √Σᵢ (R_di·sᵢ)² for semi-axes s.
     */
    public double halfExtentUm(int axis) {
        double[] r = rotationMatrix();
        double p = r[3 * axis] * aUm;
        double q = r[3 * axis + 1] * bUm;
        double s = r[3 * axis + 2] * cUm;
        return Math.sqrt(p * p + q * q + s * s);
    }
}
