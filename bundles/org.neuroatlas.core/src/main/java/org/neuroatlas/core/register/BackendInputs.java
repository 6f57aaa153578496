package org.neuroatlas.core.register;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * What an external registration backend (e.g. {@code register.elastix}) needs from this package, without opening
 * its internals: the template and the prepared sample as plain float arrays on their µm grids, the built-in
 * engine's initial pose, and the engine's similarity measure, so that every backend reports the same figures.
 * <p>
 * Grids hold values x fastest, then y, then z; voxel {@code (i, j, k)} has its centre at
 * {@code origin + (i, j, k)·spacing} µm (atlas µm for the template, whose origin is 0; sample µm for the sample).
 */
public final class BackendInputs {

    private final AtlasReference reference;
    private final PreparedSample sample;

    private BackendInputs(AtlasReference reference, PreparedSample sample) {
        this.reference = reference;
        this.sample = sample;
    }

    /** @throws org.neuroatlas.core.InputException if the atlas has no usable template or annotation */
    public static BackendInputs of(Atlas atlas, PreparedSample sample) {
        return new BackendInputs(AtlasReference.forRegistration(atlas), sample);
    }

    /**
     * The voxel size registration runs at for a template of {@code templateUm}: the template's, doubled until at least
     * {@value AtlasReference#MIN_REGISTRATION_VOXEL_UM} µm (so that a 25 µm atlas registers at 50 µm); samples are
     * prepared at it.
     */
    public static VoxelSize registrationVoxelUm(VoxelSize templateUm) {
        return AtlasReference.registrationVoxelUm(templateUm);
    }

    public String atlasKey() {
        return reference.atlasKey;
    }

    public PreparedSample sample() {
        return sample;
    }

    /** Template size, voxels (atlas x, y, z). */
    public int[] templateDimensions() {
        FloatGrid t = reference.template;
        return new int[] {t.nx, t.ny, t.nz};
    }

    /** Template voxel size, µm (its first voxel's centre is atlas µm 0). */
    public double[] templateSpacingUm() {
        return reference.template.spacingUm.clone();
    }

    /** Template values, x fastest (shared, do not modify). */
    public float[] templateValues() {
        return reference.template.data;
    }

    /** The atlas brain (annotation &gt; 0) at each template voxel, x fastest (shared, do not modify). */
    public boolean[] templateBrain() {
        return reference.brain;
    }

    /** Prepared sample values, x fastest, on the grid of {@link PreparedSample#originUm()} and voxel size (shared, do not modify). */
    public float[] sampleValues() {
        return sample.image().data;
    }

    /**
     * The built-in engine's starting point, atlas µm → sample µm: the axis permutation and flips of the orientation
     * code, an isotropic scale from the volumes of the two thresholded brains (if within ±40 %), and the
     * translation that lays the centroids on each other.
     */
    public AffineMap initialPose() {
        AxisMapping axes = Atlas.ORIENTATION.mappingTo(sample.geometry().orientation());
        VoxelSize atlasVoxel = reference.voxelSizeUm();
        AffineMap reorient = AffineMap.fromAxisMapping(axes, reference.dimensions(), atlasVoxel, axes.mapVoxelSize(atlasVoxel));
        VoxelSize sv = sample.voxelSizeUm();
        double scale = Math.cbrt(sample.brainVoxels() * sv.xUm() * sv.yUm() * sv.zUm() / reference.brightVolumeUm3);
        if (!(scale > 1 / 1.4 && scale < 1.4)) {
            scale = 1; // as the linear stage: an implausible ratio means one of the masks is off, not the brain's size
        }
        double[] c = reference.brightCentroidUm;
        AffineMap scaled = AffineMap.scaling(scale, scale, scale, c).andThen(reorient);
        double[] from = scaled.apply(c);
        double[] to = sample.brainCentroidUm();
        return scaled.andThen(AffineMap.translation(to[0] - from[0], to[1] - from[1], to[2] - from[2]));
    }

    /**
     * NCC between the template and the sample at {@code A·(x_a + u(x_a)) + b} (trilinear) over the atlas brain at
     * the template's resolution: the figure every backend reports.
     *
     * @param u the forward field, or null for the affine map alone
     */
    public double ncc(AffineMap sampleSide, DisplacementField u) {
        return DemonsLevel.ncc(reference.template, sample.image(), reference.brain, sampleSide, u);
    }
}
