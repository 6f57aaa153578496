package org.neuroatlas.knime.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VolumeBlocks;
import org.neuroatlas.core.volume.Volumes;

/**
 * The engine's readers work inside OSGi, not only on a flat class path: gzip NRRD (temporary files), memory-mapped
 * and positional reads, TIFF plane series.
 */
class EngineInOsgiTest {

    @Test
    void readsVoxelsOfTheAtlasAndOfAPlaneSeries() throws Exception {
        Path shared = OsgiTestSupport.shared();
        try (Volume<?> a = Volumes.open(shared.resolve("atlas/annotation_100.nrrd"), ReadOptions.defaults())) {
            assertArrayEquals(new long[] {132, 80, 114}, a.dimensions());
            int[] plane = (int[]) VolumeBlocks.readPlane(a, 57);
            long labelled = 0;
            for (int v : plane) {
                labelled += v != 0 ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertTrue(labelled > 1000, "a mid-sagittal plane of the annotation has labels: " + labelled);
        }
        try (Volume<?> t = Volumes.open(shared.resolve("testdata/cellfinder_detection_crop/crop_planes/ch0"),
                ReadOptions.defaults().withVoxelSize(org.neuroatlas.core.volume.VoxelSize.parse("2,2,5", "v")))) {
            short[] plane = (short[]) VolumeBlocks.readPlane(t, 15);
            assertEquals(667 * 510, plane.length);
        }
    }
}
