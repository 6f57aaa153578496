package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.VoxelSize;

/** Templates finer than the registration's minimum voxel size are halved until they are not. */
class RegistrationResolutionTest {

    @Test
    void fineTemplatesRegisterAtAMultipleOfTheirVoxelSize() {
        assertEquals(new VoxelSize(100, 100, 100), AtlasReference.registrationVoxelUm(new VoxelSize(100, 100, 100)));
        assertEquals(new VoxelSize(50, 50, 50), AtlasReference.registrationVoxelUm(new VoxelSize(50, 50, 50)));
        assertEquals(new VoxelSize(50, 50, 50), AtlasReference.registrationVoxelUm(new VoxelSize(25, 25, 25)));
        assertEquals(new VoxelSize(40, 40, 40), AtlasReference.registrationVoxelUm(new VoxelSize(10, 10, 10)));
        // the finest axis decides, and all axes keep their ratio
        assertEquals(new VoxelSize(40, 80, 80), AtlasReference.registrationVoxelUm(new VoxelSize(20, 40, 40)));
    }

    @Test
    void decimationKeepsTheOriginAndSmoothsBeforeSubsampling() {
        // a single bright voxel at (2, 2, 2) of a 5³ grid lands on coarse voxel (1, 1, 1) with the [¼, ½, ¼]³ centre
        // weight, ⅛
        float[] data = new float[125];
        data[(2 * 5 + 2) * 5 + 2] = 64;
        FloatGrid fine = new FloatGrid(5, 5, 5, new double[] {25, 25, 25}, new double[3], data);
        FloatGrid coarse = fine.decimated();
        assertEquals(3, coarse.nx);
        assertArrayEquals(new double[] {50, 50, 50}, coarse.spacingUm);
        assertArrayEquals(new double[3], coarse.originUm);
        assertEquals(8, coarse.data[(1 * 3 + 1) * 3 + 1], 1e-6);
        // its smoothed neighbours sit at odd indices, which the subsampling skips: a block of 8 fine voxels per coarse one
        float sum = 0;
        for (float v : coarse.data) {
            sum += v;
        }
        assertEquals(8, sum, 1e-5);
    }

    @Test
    void aFineDemoAtlasRegistersAt50Um() {
        try (Atlas atlas = Atlas.demo(25, Progress.NONE)) {
            AtlasReference full = AtlasReference.of(atlas), registration = AtlasReference.forRegistration(atlas);
            assertArrayEquals(new double[] {25, 25, 25}, full.template.spacingUm);
            assertArrayEquals(new double[] {50, 50, 50}, registration.template.spacingUm);
            assertEquals((full.template.nx + 1) / 2, registration.template.nx);
            // the brain mask and the bright part describe the same brain at either resolution
            double fullBrain = Intensities.count(full.brain) * Math.pow(25, 3), coarseBrain = Intensities.count(registration.brain) * Math.pow(50, 3);
            assertEquals(1, coarseBrain / fullBrain, 0.02);
            assertEquals(1, registration.brightVolumeUm3 / full.brightVolumeUm3, 0.05);
        }
    }
}
