package org.neuroatlas.core.detect.score;

import org.neuroatlas.core.volume.Volume;

/**
 * Scoring inside an image shrunk by the match radius, for every detector alike: a simulated crop's truth lists only
 * cells centred in the image, while cells centred just outside are visible (and detected) near its faces.
 */
public final class InteriorScoring {

    private final CellPositions truth;
    private final double[] minUm;
    private final double[] maxUm;
    private final double radiusUm;

    private InteriorScoring(CellPositions truth, double[] minUm, double[] maxUm, double radiusUm) {
        this.truth = truth;
        this.minUm = minUm;
        this.maxUm = maxUm;
        this.radiusUm = radiusUm;
    }

    /**
     * @param image    the image the cells were detected in (its size and voxel size set the box)
     * @param truth    true cells, µm
     * @param radiusUm match radius, µm, also the margin cut from every face
     */
    public static InteriorScoring of(Volume<?> image, CellPositions truth, double radiusUm) {
        double[] min = new double[3];
        double[] max = new double[3];
        for (int a = 0; a < 3; a++) {
            min[a] = radiusUm;
            max[a] = (image.dimensions()[a] - 1) * image.voxelSizeUm().um(a) - radiusUm;
        }
        return new InteriorScoring(truth.inside(min, max), min, max, radiusUm);
    }

    /** The true cells inside the box. */
    public CellPositions truth() {
        return truth;
    }

    /** {@code found}, cut to the same box, matched one-to-one against the true cells within the radius. */
    public Score score(CellPositions found) {
        return CellMatching.match(found.inside(minUm, maxUm), truth, CellMatching.Tolerance.isotropic(radiusUm)).score();
    }
}
