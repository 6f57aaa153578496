package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.neuroatlas.core.CanceledException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

import net.imglib2.img.array.ArrayImgs;

/** Detection on an in-memory float volume with known blobs: positions, splitting of touching blobs, cancellation. */
class SyntheticBlobsTest {

    static final int NX = 60;
    static final int NY = 50;
    static final int NZ = 24;

    /** Gaussian blobs (σ 4 µm) on a flat background of 100, voxels 2, 2, 5 µm; centres in µm. */
    static Volume<?> blobs(double[][] centresUm) {
        float[] v = new float[NX * NY * NZ];
        for (int z = 0; z < NZ; z++) {
            for (int y = 0; y < NY; y++) {
                for (int x = 0; x < NX; x++) {
                    double s = 100;
                    for (double[] c : centresUm) {
                        double d2 = Math.pow(x * 2 - c[0], 2) + Math.pow(y * 2 - c[1], 2) + Math.pow(z * 5 - c[2], 2);
                        s += 400 * Math.exp(-d2 / (2 * 16));
                    }
                    v[(z * NY + y) * NX + x] = (float) s;
                }
            }
        }
        return Volume.of(ArrayImgs.floats(v, NX, NY, NZ), new VoxelSize(2, 2, 5), PixelType.FLOAT32, "blobs");
    }

    @Test
    void findsSeparateAndTouchingBlobsAtTheirCentres() {
        double[][] centres = {{30, 30, 50}, {80, 60, 60.5}, {80, 74, 60.5}}; // the last two 14 µm apart: touching 15 µm cells
        Volume<?> v = blobs(centres);
        Detection d = CellDetector.detect(v, DetectionSettings.defaults().withThreshold(Threshold.absolute(0.5)).withThreads(1), Progress.NONE);
        List<Object[]> rows = CellTable.rows(d, v.voxelSizeUm());
        assertEquals(3, rows.size(), d.cells().toString());
        for (double[] c : centres) {
            assertTrue(rows.stream().anyMatch(r -> Math.abs((Double) r[0] - c[0]) < 1 && Math.abs((Double) r[1] - c[1]) < 1.5
                    && Math.abs((Double) r[2] - c[2]) < 1.5), "a cell near " + java.util.Arrays.toString(c) + " in " + d.cells());
        }
        for (DetectedCell c : d.cells()) {
            assertEquals(100, c.background(), 60, "background near the flat level");
            assertTrue(c.volumeVox() > 5, c.toString());
        }
    }

    @Test
    void aCanceledProgressStopsTheDetection() {
        Progress canceled = new Progress() {
            @Override
            public void report(double fraction, String message) {
            }

            @Override
            public boolean isCanceled() {
                return true;
            }
        };
        assertThrows(CanceledException.class, () -> CellDetector.detect(blobs(new double[][] {{30, 30, 50}}), DetectionSettings.defaults(), canceled));
    }
}
