package org.neuroatlas.core.simulate;

/**
 * Deterministic smooth 3D noise on physical coordinates (µm): "value-gradient" lattice noise. Each corner of an
 * integer lattice carries a hashed random value and a hashed random unit gradient; a point's value blends the
 * eight surrounding corners' linear ramps {@code value + gradient·offset} with quintic fade weights
 * (6t⁵ − 15t⁴ + 10t³), so the field is C² — smooth enough for the gradient to be continuous, which
 * {@link FibreField} relies on.
 * <p>
 * Why not plain gradient (Perlin) noise: it is exactly zero at every lattice point, a regular artefact that
 * would, for instance, put a fibre crossing at every lattice point of {@link FibreField}. The corner values
 * remove that. Why a random rotation and offset per seed: noises with different seeds then never share a
 * lattice, and lattice-aligned anisotropy no longer lines up with the image axes.
 * <p>
 * Values lie in [−1, 1] (observed range about ±0.93; standard deviation 0.26), mean 0; the gradient's magnitude
 * is 1.0/feature size (rms), 3.1/feature size at most observed. The feature size is the lattice spacing in µm:
 * structures (blobs, zero-crossing spacing) are about that size. Cost: ~24 ns for a value, ~45 ns with the
 * gradient. Instances are immutable and thread-safe; evaluation allocates nothing.
 */
public final class LatticeNoise {

    /** Maximum number of octaves of {@link #fractal}. */
    public static final int MAX_OCTAVES = 16;

    private static final int GRADIENTS = 256;
    /**
     * Corner table, picked by hash: entry i holds a unit gradient (x, y, z; directions spread evenly over the
     * sphere by a Fibonacci lattice) and a corner value (uniform levels in [−VALUE_AMPLITUDE, VALUE_AMPLITUDE],
     * assigned to the directions in a shuffled order). One table lookup per corner keeps the noise cheap; 256
     * (value, gradient) pairs are plenty of variety.
     */
    private static final double[] GRAD = new double[4 * GRADIENTS];
    /** Corner values are uniform in [−VALUE_AMPLITUDE, VALUE_AMPLITUDE] (before {@link #SCALE}). */
    private static final double VALUE_AMPLITUDE = 0.6;
    /** Brings the blended sum into [−1, 1]; measured (max |sum| ≈ 1.1 over 10⁷ points) and rounded down. */
    private static final double SCALE = 0.85;
    /** Corner hash multipliers per axis (large odd constants, so distinct corners give distinct sums). */
    private static final long PX = 0x9E3779B97F4A7C15L;
    private static final long PY = 0xC2B2AE3D27D4EB4FL;
    private static final long PZ = 0x165667B19E3779F9L;

    static {
        double golden = Math.PI * (3 - Math.sqrt(5));
        for (int i = 0; i < GRADIENTS; i++) {
            double z = 1 - (2 * i + 1.0) / GRADIENTS;
            double r = Math.sqrt(1 - z * z);
            GRAD[4 * i] = r * Math.cos(golden * i);
            GRAD[4 * i + 1] = r * Math.sin(golden * i);
            GRAD[4 * i + 2] = z;
            GRAD[4 * i + 3] = ((2 * i + 1.0) / GRADIENTS - 1) * VALUE_AMPLITUDE;
        }
        // Fisher–Yates shuffle of the values, so that value and direction are unrelated.
        DeterministicRandom r = DeterministicRandom.of(0x56616C7565L);
        for (int i = GRADIENTS - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            double t = GRAD[4 * i + 3];
            GRAD[4 * i + 3] = GRAD[4 * j + 3];
            GRAD[4 * j + 3] = t;
        }
    }

    private final long seed;
    private final double featureSizeUm;
    private final long cornerSeed;
    /** Rotation divided by the feature size: physical µm → lattice units. */
    private final double m00, m01, m02, m10, m11, m12, m20, m21, m22;
    /** Lattice-space offset of the origin. */
    private final double ox, oy, oz;
    /** Extra lattice-space offsets per octave, so octaves do not share lattice points. */
    private final double[] octaveOffset = new double[3 * MAX_OCTAVES];

    /**
     * @param seed          determines the whole field
     * @param featureSizeUm lattice spacing in µm (> 0): the size of the noise's blobs
     */
    public LatticeNoise(long seed, double featureSizeUm) {
        if (!(featureSizeUm > 0) || Double.isInfinite(featureSizeUm)) {
            throw new IllegalArgumentException("feature size must be positive and finite: " + featureSizeUm);
        }
        this.seed = seed;
        this.featureSizeUm = featureSizeUm;
        DeterministicRandom r = DeterministicRandom.of(seed, 0x4C61747469636531L);
        this.cornerSeed = r.nextLong();
        // Uniform random rotation from a random unit quaternion (normalised 4D Gaussian).
        double qw = r.nextGaussian();
        double qx = r.nextGaussian();
        double qy = r.nextGaussian();
        double qz = r.nextGaussian();
        double n = Math.sqrt(qw * qw + qx * qx + qy * qy + qz * qz);
        qw /= n;
        qx /= n;
        qy /= n;
        qz /= n;
        double s = 1 / featureSizeUm;
        m00 = s * (1 - 2 * (qy * qy + qz * qz));
        m01 = s * 2 * (qx * qy - qz * qw);
        m02 = s * 2 * (qx * qz + qy * qw);
        m10 = s * 2 * (qx * qy + qz * qw);
        m11 = s * (1 - 2 * (qx * qx + qz * qz));
        m12 = s * 2 * (qy * qz - qx * qw);
        m20 = s * 2 * (qx * qz - qy * qw);
        m21 = s * 2 * (qy * qz + qx * qw);
        m22 = s * (1 - 2 * (qx * qx + qy * qy));
        // Offsets stay below 2^10 lattice units so that coordinates keep ~1e-12 lattice-unit precision.
        ox = r.nextDouble(0, 1024);
        oy = r.nextDouble(0, 1024);
        oz = r.nextDouble(0, 1024);
        for (int i = 0; i < octaveOffset.length; i++) {
            octaveOffset[i] = r.nextDouble(0, 1024);
        }
    }

    public long seed() {
        return seed;
    }

    /** Lattice spacing, µm. */
    public double featureSizeUm() {
        return featureSizeUm;
    }

    /** The noise at a physical point (µm), in [−1, 1]. */
    public double value(double xUm, double yUm, double zUm) {
        return lattice(m00 * xUm + m01 * yUm + m02 * zUm + ox,
                m10 * xUm + m11 * yUm + m12 * zUm + oy,
                m20 * xUm + m21 * yUm + m22 * zUm + oz, null);
    }

    /**
     * The noise and its gradient at a physical point.
     *
     * @param gradient receives ∂/∂x, ∂/∂y, ∂/∂z in 1/µm (length ≥ 3)
     * @return the value, as {@link #value}
     */
    public double valueAndGradient(double xUm, double yUm, double zUm, double[] gradient) {
        double v = lattice(m00 * xUm + m01 * yUm + m02 * zUm + ox,
                m10 * xUm + m11 * yUm + m12 * zUm + oy,
                m20 * xUm + m21 * yUm + m22 * zUm + oz, gradient);
        // Chain rule through the linear map: physical gradient = Mᵀ · lattice gradient.
        double gu = gradient[0];
        double gv = gradient[1];
        double gw = gradient[2];
        gradient[0] = m00 * gu + m10 * gv + m20 * gw;
        gradient[1] = m01 * gu + m11 * gv + m21 * gw;
        gradient[2] = m02 * gu + m12 * gv + m22 * gw;
        return v;
    }

    /**
     * Fractal sum of {@code octaves} octaves: octave k has feature size {@code featureSizeUm / 2^k} and weight
     * 2^−k; the sum is divided by the total weight so it stays in [−1, 1]. Rougher the more octaves.
     *
     * @param octaves 1 to {@link #MAX_OCTAVES}
     */
    public double fractal(double xUm, double yUm, double zUm, int octaves) {
        if (octaves < 1 || octaves > MAX_OCTAVES) {
            throw new IllegalArgumentException("octaves must be 1.." + MAX_OCTAVES + ": " + octaves);
        }
        double u = m00 * xUm + m01 * yUm + m02 * zUm;
        double v = m10 * xUm + m11 * yUm + m12 * zUm;
        double w = m20 * xUm + m21 * yUm + m22 * zUm;
        double sum = 0;
        double weight = 0;
        double amplitude = 1;
        double frequency = 1;
        for (int k = 0; k < octaves; k++) {
            sum += amplitude * lattice(frequency * u + ox + octaveOffset[3 * k],
                    frequency * v + oy + octaveOffset[3 * k + 1],
                    frequency * w + oz + octaveOffset[3 * k + 2], null);
            weight += amplitude;
            amplitude *= 0.5;
            frequency *= 2;
        }
        return sum / weight;
    }

    /** The noise at lattice coordinates (no rotation, offset or scaling), for tests of lattice artefacts. */
    double latticeValue(double u, double v, double w) {
        return lattice(u, v, w, null);
    }

    private static int floor(double x) {
        int i = (int) x;
        return x < i ? i - 1 : i;
    }

    private static double fade(double t) {
        return t * t * t * (t * (t * 6 - 15) + 10);
    }

    private static double fadeDerivative(double t) {
        double s = t * (t - 1);
        return 30 * s * s;
    }

    /**
     * Noise at lattice coordinates (u, v, w); if {@code gradient} is not null, also writes the lattice-space
     * gradient into it. Written out corner by corner (no loops, no allocation) because it is the simulator's
     * innermost function.
     */
    private double lattice(double u, double v, double w, double[] gradient) {
        int iu = floor(u);
        int iv = floor(v);
        int iw = floor(w);
        double fu = u - iu;
        double fv = v - iv;
        double fw = w - iw;
        long hu0 = cornerSeed + iu * PX;
        long hu1 = hu0 + PX;
        long hv0 = iv * PY;
        long hv1 = hv0 + PY;
        long hw0 = iw * PZ;
        long hw1 = hw0 + PZ;

        // Corner ramps n = value + g·(offset from corner). Only the table indices are kept for the derivative
        // (reloading is cheaper than keeping 24 more live doubles, which would spill registers).
        long h000 = cornerHash(hu0 + hv0 + hw0);
        int g000 = (int) (h000 >>> 56) << 2;
        double n000 = GRAD[g000 + 3] + GRAD[g000] * fu + GRAD[g000 + 1] * fv + GRAD[g000 + 2] * fw;
        long h100 = cornerHash(hu1 + hv0 + hw0);
        int g100 = (int) (h100 >>> 56) << 2;
        double n100 = GRAD[g100 + 3] + GRAD[g100] * (fu - 1) + GRAD[g100 + 1] * fv + GRAD[g100 + 2] * fw;
        long h010 = cornerHash(hu0 + hv1 + hw0);
        int g010 = (int) (h010 >>> 56) << 2;
        double n010 = GRAD[g010 + 3] + GRAD[g010] * fu + GRAD[g010 + 1] * (fv - 1) + GRAD[g010 + 2] * fw;
        long h110 = cornerHash(hu1 + hv1 + hw0);
        int g110 = (int) (h110 >>> 56) << 2;
        double n110 = GRAD[g110 + 3] + GRAD[g110] * (fu - 1) + GRAD[g110 + 1] * (fv - 1) + GRAD[g110 + 2] * fw;
        long h001 = cornerHash(hu0 + hv0 + hw1);
        int g001 = (int) (h001 >>> 56) << 2;
        double n001 = GRAD[g001 + 3] + GRAD[g001] * fu + GRAD[g001 + 1] * fv + GRAD[g001 + 2] * (fw - 1);
        long h101 = cornerHash(hu1 + hv0 + hw1);
        int g101 = (int) (h101 >>> 56) << 2;
        double n101 = GRAD[g101 + 3] + GRAD[g101] * (fu - 1) + GRAD[g101 + 1] * fv + GRAD[g101 + 2] * (fw - 1);
        long h011 = cornerHash(hu0 + hv1 + hw1);
        int g011 = (int) (h011 >>> 56) << 2;
        double n011 = GRAD[g011 + 3] + GRAD[g011] * fu + GRAD[g011 + 1] * (fv - 1) + GRAD[g011 + 2] * (fw - 1);
        long h111 = cornerHash(hu1 + hv1 + hw1);
        int g111 = (int) (h111 >>> 56) << 2;
        double n111 = GRAD[g111 + 3] + GRAD[g111] * (fu - 1) + GRAD[g111 + 1] * (fv - 1) + GRAD[g111 + 2] * (fw - 1);

        double su = fade(fu);
        double sv = fade(fv);
        double sw = fade(fw);
        double x00 = n000 + su * (n100 - n000);
        double x10 = n010 + su * (n110 - n010);
        double x01 = n001 + su * (n101 - n001);
        double x11 = n011 + su * (n111 - n011);
        double y0 = x00 + sv * (x10 - x00);
        double value = y0 + sw * (x01 + sv * (x11 - x01) - y0);
        if (gradient != null) {
            gradient(fu, fv, fw, su, sv, sw, n000, n100, n010, n110, n001, n101, n011, n111,
                    g000, g100, g010, g110, g001, g101, g011, g111, gradient);
        }
        return SCALE * value;
    }

    /**
     * Lattice-space gradient of the blend: the trilinear blend as a polynomial in the fades (coefficients k),
     * whose partial derivatives are immediate, plus the fade-weighted blend of the corners' own gradients.
     */
    private static void gradient(double fu, double fv, double fw, double su, double sv, double sw,
            double n000, double n100, double n010, double n110, double n001, double n101, double n011, double n111,
            int g000, int g100, int g010, int g110, int g001, int g101, int g011, int g111, double[] gradient) {
        double k1 = n100 - n000;
        double k2 = n010 - n000;
        double k3 = n001 - n000;
        double k4 = n000 - n100 - n010 + n110;
        double k5 = n000 - n010 - n001 + n011;
        double k6 = n000 - n100 - n001 + n101;
        double k7 = -n000 + n100 + n010 - n110 + n001 - n101 - n011 + n111;
        // d/du = (blend of the corners' gradients) + fade'(u)·∂value/∂su, and likewise for v, w.
        double w000 = (1 - su) * (1 - sv) * (1 - sw);
        double w100 = su * (1 - sv) * (1 - sw);
        double w010 = (1 - su) * sv * (1 - sw);
        double w110 = su * sv * (1 - sw);
        double w001 = (1 - su) * (1 - sv) * sw;
        double w101 = su * (1 - sv) * sw;
        double w011 = (1 - su) * sv * sw;
        double w111 = su * sv * sw;
        double bx = w000 * GRAD[g000] + w100 * GRAD[g100] + w010 * GRAD[g010] + w110 * GRAD[g110]
                + w001 * GRAD[g001] + w101 * GRAD[g101] + w011 * GRAD[g011] + w111 * GRAD[g111];
        double by = w000 * GRAD[g000 + 1] + w100 * GRAD[g100 + 1] + w010 * GRAD[g010 + 1] + w110 * GRAD[g110 + 1]
                + w001 * GRAD[g001 + 1] + w101 * GRAD[g101 + 1] + w011 * GRAD[g011 + 1] + w111 * GRAD[g111 + 1];
        double bz = w000 * GRAD[g000 + 2] + w100 * GRAD[g100 + 2] + w010 * GRAD[g010 + 2] + w110 * GRAD[g110 + 2]
                + w001 * GRAD[g001 + 2] + w101 * GRAD[g101 + 2] + w011 * GRAD[g011 + 2] + w111 * GRAD[g111 + 2];
        gradient[0] = SCALE * (bx + fadeDerivative(fu) * (k1 + k4 * sv + k6 * sw + k7 * sv * sw));
        gradient[1] = SCALE * (by + fadeDerivative(fv) * (k2 + k4 * su + k5 * sw + k7 * su * sw));
        gradient[2] = SCALE * (bz + fadeDerivative(fw) * (k3 + k5 * sv + k6 * su + k7 * su * sv));
    }

    /**
     * Scrambles a corner's key (seed + iu·PX + iv·PY + iw·PZ); only the top 8 bits are used. One xor-shift-multiply
     * round, not the full SplitMix64 finaliser: the key is already spread over all 64 bits by the odd multipliers,
     * the top bits of a product depend on all lower bits, and this keeps the eight corner hashes cheap (the tests
     * check for lattice artefacts).
     */
    private static long cornerHash(long key) {
        return (key ^ (key >>> 29)) * 0xBF58476D1CE4E5B9L;
    }
}
