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
    void aFineDemoAtlasRegistersAtTwiceItsVoxelSize() {
        // 35 µm rather than 25 µm: the test JVM has 2 GB, and a 25 µm atlas with its float copies needs more
        try (Atlas atlas = Atlas.demo(35, Progress.NONE)) {
            AtlasReference registration = AtlasReference.forRegistration(atlas);
            assertArrayEquals(new double[] {70, 70, 70}, registration.template.spacingUm);
            assertEquals((atlas.dimensions()[0] + 1) / 2, registration.template.nx);
            // the brain mask on the coarse grid has the annotated brain's volume
            long labelled = 0;
            for (var cursor = net.imglib2.view.Views.flatIterable(
                    (net.imglib2.RandomAccessibleInterval<? extends net.imglib2.type.numeric.RealType<?>>) atlas.annotation().voxels()).cursor(); cursor.hasNext();) {
                labelled += cursor.next().getRealDouble() > 0 ? 1 : 0;
            }
            double fineMm3 = labelled * Math.pow(35, 3) * 1e-9, coarseMm3 = Intensities.count(registration.brain) * Math.pow(70, 3) * 1e-9;
            assertEquals(1, coarseMm3 / fineMm3, 0.02, coarseMm3 + " vs " + fineMm3 + " mm³");
        }
    }
}
