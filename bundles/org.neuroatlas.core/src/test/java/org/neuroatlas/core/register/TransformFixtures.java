package org.neuroatlas.core.register;

import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/** A simulated sample as the cohort simulator would make it: posed, reoriented and warped 100 µm atlas brain. */
final class TransformFixtures {

    static final long[] ATLAS_DIMS = {132, 80, 114};
    static final VoxelSize ATLAS_VOXEL = VoxelSize.isotropic(100);
    static final String ATLAS_KEY = "allen_mouse_ccf@2017/100um#0123456789abcdef";
    /** Sample stored as planes posterior→anterior, rows superior→inferior, columns left→right. */
    static final Orientation SAMPLE_ORIENTATION = Orientation.parse("psl", "test");
    static final VoxelSize SAMPLE_VOXEL = new VoxelSize(4, 4, 5);

    private TransformFixtures() {
    }

    /** Atlas µm → posed brain in the sample's axes and µm, placed 600 µm inside the sample volume. */
    static AffineMap sampleSide(long seed) {
        AxisMapping toSample = Atlas.ORIENTATION.mappingTo(SAMPLE_ORIENTATION);
        AffineMap reorient = AffineMap.fromAxisMapping(toSample, ATLAS_DIMS, ATLAS_VOXEL, toSample.mapVoxelSize(ATLAS_VOXEL));
        return SmoothWarps.randomPose(seed, ATLAS_DIMS, ATLAS_VOXEL, 300).andThen(reorient).andThen(AffineMap.translation(600, 600, 600));
    }

    /** A sample volume big enough for the posed brain. */
    static SampleGeometry sample() {
        AxisMapping toSample = Atlas.ORIENTATION.mappingTo(SAMPLE_ORIENTATION);
        long[] d = toSample.mapDimensions(ATLAS_DIMS);
        VoxelSize v = toSample.mapVoxelSize(ATLAS_VOXEL);
        long[] dims = new long[3];
        for (int i = 0; i < 3; i++) {
            dims[i] = (long) Math.ceil(((d[i] - 1) * v.um(i) + 1200) / SAMPLE_VOXEL.um(i)) + 1;
        }
        return new SampleGeometry(dims, SAMPLE_VOXEL, SAMPLE_ORIENTATION);
    }

    /** 300 µm warps on a 100 µm grid, correlation length 1 mm. */
    static DisplacementField warp(long seed) {
        return SmoothWarps.random(seed, ATLAS_DIMS, ATLAS_VOXEL, 100, 300, 1000);
    }

    static AtlasTransform transform(long seed) {
        return AtlasTransform.of(sampleSide(seed), warp(seed), ATLAS_KEY, sample());
    }
}
