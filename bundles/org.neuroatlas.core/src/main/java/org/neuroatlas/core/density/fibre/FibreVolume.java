package org.neuroatlas.core.density.fibre;

/**
 * The fibre volume fraction of a region from the fraction of its voxels segmented as fibre, corrected for fibres too
 * close to be told apart.
 * <p>
 * With the width fraction calibrated, an isolated fibre's mask holds its volume (segmented fraction = true fraction
 * for sparse fibres). Where fibres are dense, two fibres whose axes pass closer than the filter resolves (a few µm:
 * the Hessian scale blurs them into one ridge) give one fibre's mask, and the segmented fraction falls behind. As for
 * random (Poisson) lines, a point of a fibre has another fibre within that reach with probability ≈ L·A (L the fibre
 * length per volume, A the cross-section of the reach), and half of each such pair is lost: with u = L·a (a the
 * fibre's cross-section), the true fraction is the union 1 − e^(−u) and the segmented one u·e^(−κu), κ = A/(2a) =
 * {@value #RESOLUTION_LOSS}. This inverts the second for u and returns the first. Calibrated, with the width fraction,
 * on the simulator's 2 µm fibres at 2 µm voxels rendered at constant targets 0.05–5 % (fitted within ±1 % from
 * 0.1 % to 5 %; κ = 5.2 means A ≈ 33 µm², i.e. fibres within about 3.2 µm of each other merge): without it the
 * segmented fraction is 7 % low at 2 % fibre and 17 % low at 4 %, and the width fraction cannot fix both ends.
 */
final class FibreVolume {

    /** κ: half the cross-section within which a second fibre is not resolved, in units of the fibre's cross-section. */
    static final double RESOLUTION_LOSS = 5.2;

    private FibreVolume() {
    }

    /**
     * The fibre volume fraction for a segmented fraction {@code segmented} = fibre voxels / imaged voxels. Beyond the
     * model's largest segmented fraction, 1/(κe) ≈ 7 % (fibres so dense that more of them would show as less), the
     * value there, 1 − e^(−1/κ) ≈ 17.5 % (or the segmented fraction if higher), is returned: such densities are beyond
     * what the voxel size resolves.
     */
    static double fraction(double segmented) {
        if (!(segmented > 0)) {
            return segmented;
        }
        double k = RESOLUTION_LOSS;
        double uMax = 1 / k;
        if (segmented >= uMax * Math.exp(-1)) {
            return Math.max(segmented, -Math.expm1(-uMax));
        }
        // Newton on g(u) = ln u − κu − ln m, increasing and concave on (0, 1/κ): from u = m (left of the root) the
        // iterates rise monotonically to it.
        double target = Math.log(segmented);
        double u = segmented;
        for (int i = 0; i < 100; i++) {
            double next = u - (Math.log(u) - k * u - target) / (1 / u - k);
            if (!(next > u)) {
                break;
            }
            u = Math.min(next, uMax);
        }
        return -Math.expm1(-u);
    }
}
