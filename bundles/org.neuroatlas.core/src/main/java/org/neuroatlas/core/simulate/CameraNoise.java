package org.neuroatlas.core.simulate;

/**
 * A camera's noise on an expected image: detector value = Poisson(expected × gain) + Normal(0, σ_read) + offset,
 * rounded and clamped to uint16 (0–65535). Shot noise is exact Poisson below a mean of 25 photo-electrons and the
 * continuity- and skew-corrected normal approximation above (see {@link DeterministicRandom#poisson}).
 * <p>
 * Every voxel's noise is a pure function of (seed, plane index, voxel index) through {@link DeterministicRandom},
 * so the output does not depend on threads, chunking or the order in which planes and rows are processed. The
 * voxel index is the caller's choice of a unique id within the plane; the whole-plane method uses y·width + x.
 * Immutable and thread-safe.
 *
 * @param seed          determines all the noise
 * @param gain          photo-electrons (= output counts) per unit of expected value, &gt; 0
 * @param readNoiseSigma standard deviation of the Gaussian read noise, counts (≥ 0)
 * @param offset        constant added (the camera's dark offset), counts
 */
public record CameraNoise(long seed, double gain, double readNoiseSigma, double offset) {

    /** Largest output value (uint16). */
    public static final int MAX_VALUE = 65535;
    /** Stream id separating the read-noise numbers from the shot-noise numbers of the same voxel. */
    private static final long READ_STREAM = 0x52656164L;

    public CameraNoise {
        if (!(gain > 0) || Double.isInfinite(gain) || !(readNoiseSigma >= 0) || Double.isInfinite(readNoiseSigma)
                || !Double.isFinite(offset)) {
            throw new IllegalArgumentException("need gain > 0, read noise ≥ 0, finite offset: "
                    + gain + ", " + readNoiseSigma + ", " + offset);
        }
    }

    /** Mean output for an expected value, before rounding and clamping: gain × expected + offset. */
    public double mean(double expected) {
        return gain * Math.max(0, expected) + offset;
    }

    /** Variance of the output for an expected value, before clamping: gain × expected + σ_read² (+ 1/12 from rounding). */
    public double variance(double expected) {
        return gain * Math.max(0, expected) + readNoiseSigma * readNoiseSigma + 1.0 / 12;
    }

    /**
     * The detector value of one voxel, 0–65535.
     *
     * @param expected   expected value (negative or NaN counts as 0)
     * @param planeIndex the plane's index (z)
     * @param voxelIndex the voxel's index within the plane (conventionally y·width + x)
     */
    public int sample(double expected, long planeIndex, long voxelIndex) {
        return sampleKeyed(expected, planeKey(planeIndex), voxelIndex);
    }

    /**
     * Noisy values of a whole plane: {@code out[i]} (uint16 stored in a short, as ImgLib2 does) from
     * {@code expected[i]} with voxel index i.
     */
    public void apply(float[] expected, long planeIndex, short[] out) {
        if (out.length < expected.length) {
            throw new IllegalArgumentException("output shorter than input: " + out.length + " < " + expected.length);
        }
        applyRow(expected, 0, expected.length, planeIndex, 0, out, 0);
    }

    /**
     * Noisy values of a run of voxels (e.g. one row): {@code out[outFrom + k]} from {@code expected[from + k]}, with
     * voxel index {@code firstVoxelIndex + k}, for k &lt; length. Gives the same values as {@link #apply} and
     * {@link #sample} for the same voxel indices.
     */
    public void applyRow(float[] expected, int from, int length, long planeIndex, long firstVoxelIndex, short[] out,
            int outFrom) {
        long key = planeKey(planeIndex);
        for (int k = 0; k < length; k++) {
            out[outFrom + k] = (short) sampleKeyed(expected[from + k], key, firstVoxelIndex + k);
        }
    }

    private long planeKey(long planeIndex) {
        return DeterministicRandom.hash(seed, planeIndex);
    }

    private int sampleKeyed(double expected, long planeKey, long voxelIndex) {
        long h = DeterministicRandom.extend(planeKey, voxelIndex);
        double mean = expected > 0 ? expected * gain : 0;
        double value = DeterministicRandom.poissonPlusGaussian(mean, readNoiseSigma, h, READ_STREAM) + offset;
        long v = Math.round(value);
        return v < 0 ? 0 : v > MAX_VALUE ? MAX_VALUE : (int) v;
    }
}
