package org.neuroatlas.core.volume.tiff;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.Raster;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.VolumeHeader;
import org.neuroatlas.core.volume.VoxelSize;

/** Real BrainGlobe test volumes (read in place from the shared folder), checked against the JDK's TIFF reader. */
class TiffRealDataTest {

    @Test
    void cellfinderCropPlaneSeries() throws IOException {
        Path dir = SharedData.testdata("cellfinder_detection_crop/crop_planes/ch0");
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults());
        assertEquals("tiff-series", h.format());
        assertArrayEquals(new long[] {667, 510, 30}, h.dimensions());
        assertEquals(PixelType.UINT16, h.pixelType());
        // ImageJ wrote these with "unit= " (blank) and 1 pixel per unit: no calibration; the pipeline gives 2,2,5 µm.
        assertTrue(h.voxelSizeUm().isEmpty());
        assertEquals("ImageJ 1.52n", h.details().get("metadata"));
        assertEquals("30", h.details().get("files"));
        assertEquals("big-endian (MM) (first file)", h.details().get("byte order"));
        List<Path> files = TiffSeries.list(dir, null);
        assertEquals("ch00000.tif", files.get(0).getFileName().toString());
        assertEquals("ch00029.tif", files.get(29).getFileName().toString());
        VoxelSize pipeline = new VoxelSize(2, 2, 5);
        try (Volume<?> v = TiffTestSupport.FORMAT.open(dir, ReadOptions.defaults(), h.withVoxelSize(pipeline))) {
            assertEquals(pipeline, v.voxelSizeUm());
            compareWithJdk(v, z -> files.get(z), z -> 0, 300, 1);
        }
    }

    @Test
    void brainregWholeBrainPlaneSeries() throws IOException {
        Path dir = SharedData.testdata("brainreg_whole_brain/brain");
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults());
        assertArrayEquals(new long[] {271, 193, 270}, h.dimensions()); // 271 columns, 193 rows, 270 planes
        assertEquals(PixelType.UINT16, h.pixelType());
        assertTrue(h.voxelSizeUm().isEmpty());
        List<Path> files = TiffSeries.list(dir, null);
        try (Volume<?> v = TiffTestSupport.open(dir)) {
            compareWithJdk(v, z -> files.get(z), z -> 0, 300, 2);
            // the README gives the intensity range 0–14580 for the whole stack
            double max = 0;
            for (int z = 0; z < 270; z++) {
                short[] plane = (short[]) VolumeBlocks.readPlane(v, z);
                for (short s : plane) {
                    max = Math.max(max, s & 0xffff);
                }
            }
            assertEquals(14580, max);
        }
    }

    @Test
    void brainregSeriesGlobSelectsPlanes() throws IOException {
        Path dir = SharedData.testdata("brainreg_whole_brain/brain");
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(dir, ReadOptions.defaults().withGlob("image_01*.tif"));
        assertArrayEquals(new long[] {271, 193, 100}, h.dimensions());
        assertEquals("image_0100.tif", h.details().get("first file"));
        assertEquals("image_0199.tif", h.details().get("last file"));
    }

    @Test
    void brainregDownsampledStandardMultiPage() throws IOException {
        Path f = SharedData.testdata("brainreg_whole_brain/expected_output_Linux/downsampled_standard.tiff");
        VolumeHeader h = TiffTestSupport.FORMAT.readHeader(f, ReadOptions.defaults());
        assertEquals("tiff", h.format());
        // pages = 132 (AP), rows = 80 (DV), columns = 114 (LR)
        assertArrayEquals(new long[] {114, 80, 132}, h.dimensions());
        assertEquals(PixelType.UINT16, h.pixelType());
        assertEquals(132, JdkTiff.pageCount(f));
        try (Volume<?> v = TiffTestSupport.open(f)) {
            compareWithJdk(v, z -> f, z -> z, 400, 3);
        }
    }

    @Test
    void brainregHemispheresUint8() throws IOException {
        Path f = SharedData.testdata("brainreg_whole_brain/expected_output_Linux/registered_hemispheres.tiff");
        try (Volume<?> v = TiffTestSupport.open(f)) {
            assertArrayEquals(new long[] {108, 77, 135}, v.dimensions());
            assertEquals(PixelType.UINT8, v.pixelType());
            compareWithJdk(v, z -> f, z -> z, 300, 4);
        }
    }

    /**
     * Compares voxels at random positions with the JDK's decoding of the same file and page. Whole planes are read
     * from both, so this also covers how blocks are stitched.
     */
    private static void compareWithJdk(Volume<?> v, java.util.function.IntFunction<Path> fileOf,
            java.util.function.IntUnaryOperator pageOf, int samples, long seed) throws IOException {
        Random r = new Random(seed);
        int w = (int) v.sizeX();
        int planesToCheck = 6;
        for (int k = 0; k < planesToCheck; k++) {
            int z = k == 0 ? 0 : k == 1 ? (int) v.sizeZ() - 1 : r.nextInt((int) v.sizeZ());
            Raster ref = JdkTiff.readPage(fileOf.apply(z), pageOf.applyAsInt(z));
            assertEquals(w, ref.getWidth());
            assertEquals(v.sizeY(), ref.getHeight());
            Object plane = VolumeBlocks.readPlane(v, z);
            for (int i = 0; i < samples / planesToCheck; i++) {
                int x = r.nextInt(w);
                int y = r.nextInt((int) v.sizeY());
                assertEquals(ref.getSample(x, y, 0), (int) v.pixelType().get(plane, y * w + x), "voxel " + x + "," + y + "," + z);
            }
            // and the whole plane
            int[] all = ref.getSamples(0, 0, w, (int) v.sizeY(), 0, (int[]) null);
            for (int i = 0; i < all.length; i++) {
                if (all[i] != (int) v.pixelType().get(plane, i)) {
                    throw new AssertionError("plane " + z + " voxel " + i + ": JDK " + all[i] + ", ours " + v.pixelType().get(plane, i));
                }
            }
        }
    }
}
