package org.neuroatlas.core.simulate;

/**
 * Counter-based random numbers for the simulator: every number is a pure function of a tuple of keys (seed,
 * stream ids, plane, row, voxel, cell …), so a plane, row, voxel or cell gets the same numbers whatever the
 * thread count, chunking or calling order. The static methods hash the keys directly (no state, no allocation
 * for up to four keys); {@link #of(long...)} starts a small sequential generator for per-object streams (e.g.
 * the properties of one soma), itself seeded by the hash of its keys.
 * <p>
 * The hash folds the keys one at a time through the SplitMix64 finaliser (Stafford's "variant 13" mixer), which
 * passes strict avalanche tests; each step first multiplies the key by an odd constant (a bijection) so that
 * for a fixed prefix, distinct keys give distinct states. Key order matters: {@code hash(1, 2) != hash(2, 1)}.
 * The sequential generator is SplitMix64 (a Weyl sequence through the same finaliser). Neither is
 * cryptographic; both are plenty for simulation.
 */
public final class DeterministicRandom {

    /** 2^64 / golden ratio, odd: the Weyl increment of SplitMix64. */
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;
    /** Odd multiplier applied to each key before it is folded in. */
    private static final long KEY_MULTIPLIER = 0xD6E8FEB86659FD93L;
    /** Starting state of the fold, so that hash() of no keys is not 0. */
    private static final long INITIAL = 0x243F6A8885A308D3L;
    private static final double TO_UNIT = 0x1.0p-53;
    private static final double TWO_PI = 2 * Math.PI;

    /**
     * Below this mean Poisson numbers are drawn exactly (by inversion, cost ~ mean); at and above it by the normal
     * approximation with continuity and skewness correction, whose mean is exact and whose variance is high by
     * only ~0.14 counts (0.6 % at this threshold).
     */
    static final double EXACT_POISSON_BELOW = 25;

    private long state;
    private double spareGaussian = Double.NaN;

    private DeterministicRandom(long seed) {
        this.state = seed;
    }

    // ---------------------------------------------------------------- hashing

    /** The SplitMix64 finaliser: a bijection on 64-bit values with full avalanche. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static long step(long h, long key) {
        return mix((h ^ (key * KEY_MULTIPLIER)) + GOLDEN);
    }

    /** A 64-bit hash of the keys, in order. Equal keys give equal hashes on every machine and JVM. */
    public static long hash(long... keys) {
        long h = INITIAL;
        for (long k : keys) {
            h = step(h, k);
        }
        return h;
    }

    /** {@link #hash(long...)} of one key, without the varargs array. */
    public static long hash(long a) {
        return step(INITIAL, a);
    }

    /** {@link #hash(long...)} of two keys, without the varargs array. */
    public static long hash(long a, long b) {
        return step(step(INITIAL, a), b);
    }

    /** {@link #hash(long...)} of three keys, without the varargs array. */
    public static long hash(long a, long b, long c) {
        return step(step(step(INITIAL, a), b), c);
    }

    /** {@link #hash(long...)} of four keys, without the varargs array. */
    public static long hash(long a, long b, long c, long d) {
        return step(step(step(step(INITIAL, a), b), c), d);
    }

    /** Extends a hash by one more key: {@code extend(hash(a, b), c) == hash(a, b, c)}. Lets loops hoist a prefix. */
    public static long extend(long hash, long key) {
        return step(hash, key);
    }

    /** A double in [0, 1) from the top 53 bits of a hash. */
    static double unit(long h) {
        return (h >>> 11) * TO_UNIT;
    }

    /** A uniform double in [0, 1), a function of the keys only (53 random bits). */
    public static double uniform(long... keys) {
        return unit(hash(keys));
    }

    /** {@link #uniform(long...)} of up to three keys without the varargs array. */
    public static double uniform(long a, long b, long c) {
        return unit(hash(a, b, c));
    }

    /** A standard normal number (mean 0, variance 1), a function of the keys only. */
    public static double gaussian(long... keys) {
        return gaussianFromHash(hash(keys));
    }

    /** {@link #gaussian(long...)} of three keys without the varargs array. */
    public static double gaussian(long a, long b, long c) {
        return gaussianFromHash(hash(a, b, c));
    }

    /**
     * A Poisson-distributed count with the given mean, a function of the keys only: exact for means below 25,
     * normal approximation (continuity- and skew-corrected) above.
     *
     * @param mean expected count, ≥ 0 and finite
     */
    public static long poisson(double mean, long... keys) {
        checkMean(mean);
        return poissonFromHash(mean, hash(keys));
    }

    /**
     * Box–Muller on two 53-bit uniforms derived from {@code h} (the second from a re-mix of {@code h}). The first
     * uniform is taken in (0, 1] so that the logarithm is finite; the largest |value| is then about 8.6.
     */
    static double gaussianFromHash(long h) {
        double u1 = ((h >>> 11) + 1) * TO_UNIT;
        double u2 = unit(mix(h + GOLDEN));
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(TWO_PI * u2);
    }

    /**
     * A Poisson count of mean {@code mean} plus an independent normal number of standard deviation {@code sigma},
     * from one hash: as {@link #poissonFromHash} and σ·{@link #gaussianFromHash} of a second hash, except that above
     * the exact-Poisson limit both normal numbers come from one Box–Muller pair (its cosine and sine), halving the
     * cost of a camera voxel.
     */
    static double poissonPlusGaussian(double mean, double sigma, long h, long secondStream) {
        if (mean < EXACT_POISSON_BELOW) {
            double read = sigma > 0 ? sigma * gaussianFromHash(extend(h, secondStream)) : 0;
            return poissonByInversion(mean, unit(h)) + read;
        }
        double u1 = ((h >>> 11) + 1) * TO_UNIT;
        double u2 = unit(mix(h + GOLDEN));
        double r = Math.sqrt(-2 * Math.log(u1));
        double angle = TWO_PI * u2;
        return poissonApproximate(mean, r * Math.cos(angle)) + sigma * r * Math.sin(angle);
    }

    /** A Poisson count of mean {@code mean} (≥ 0, finite) determined by the hash {@code h}. */
    static long poissonFromHash(double mean, long h) {
        if (mean < EXACT_POISSON_BELOW) {
            return poissonByInversion(mean, unit(h));
        }
        return poissonApproximate(mean, gaussianFromHash(h));
    }

    /**
     * Exact Poisson by inversion of the cumulative distribution: the smallest k with F(k) > u. Cost ~ mean + 1
     * multiply-adds, which is why it is used for small means only.
     */
    static long poissonByInversion(double mean, double u) {
        if (mean <= 0) {
            return 0;
        }
        double p = Math.exp(-mean);
        double cdf = p;
        long k = 0;
        // The cap stops the loop when rounding keeps the summed CDF just below a u very close to 1.
        long cap = (long) (mean + 40 * Math.sqrt(mean) + 40);
        while (u >= cdf && k < cap) {
            k++;
            p *= mean / k;
            cdf += p;
        }
        return k;
    }

    /**
     * Poisson by the Cornish–Fisher expansion of its quantile: λ + √λ·z + (z² − 1)/6, rounded (the continuity
     * correction: P(K ≤ k) ≈ P(X < k + ½)). The (z² − 1)/6 term gives the Poisson skewness 1/√λ while leaving
     * the mean exactly λ.
     */
    static long poissonApproximate(double mean, double z) {
        double x = mean + Math.sqrt(mean) * z + (z * z - 1) / 6;
        return x <= 0 ? 0 : (long) Math.floor(x + 0.5);
    }

    private static void checkMean(double mean) {
        if (!(mean >= 0) || Double.isInfinite(mean)) {
            throw new IllegalArgumentException("Poisson mean must be finite and ≥ 0: " + mean);
        }
    }

    // ---------------------------------------------------------------- sequential streams

    /**
     * A sequential generator whose whole sequence is determined by the keys, for per-object streams (e.g. the
     * size, orientation and brightness of soma {@code i}: {@code of(seed, SOMA_STREAM, i)}). Not thread-safe;
     * make one per object rather than sharing one across threads.
     */
    public static DeterministicRandom of(long... keys) {
        return new DeterministicRandom(hash(keys));
    }

    /** The next 64 random bits (SplitMix64). */
    public long nextLong() {
        state += GOLDEN;
        return mix(state);
    }

    /** The next uniform double in [0, 1). */
    public double nextDouble() {
        return unit(nextLong());
    }

    /** The next uniform double in [lo, hi). */
    public double nextDouble(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** The next uniform int in [0, bound), unbiased (Lemire's multiply-and-reject). */
    public int nextInt(int bound) {
        if (bound <= 0) {
            throw new IllegalArgumentException("bound must be positive: " + bound);
        }
        long m = (nextLong() >>> 32) * bound;
        long low = m & 0xFFFFFFFFL;
        if (low < bound) {
            long threshold = (1L << 32) % bound;
            while (low < threshold) {
                m = (nextLong() >>> 32) * bound;
                low = m & 0xFFFFFFFFL;
            }
        }
        return (int) (m >>> 32);
    }

    /** The next standard normal number (polar Box–Muller; the second value of each pair is kept for the next call). */
    public double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = Math.sqrt(-2 * Math.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    /**
     * The next Poisson-distributed count with the given mean: exact below a mean of 25, normal approximation
     * (continuity- and skew-corrected) above.
     *
     * @param mean expected count, ≥ 0 and finite
     */
    public long nextPoisson(double mean) {
        checkMean(mean);
        return poissonFromHash(mean, nextLong());
    }
}
