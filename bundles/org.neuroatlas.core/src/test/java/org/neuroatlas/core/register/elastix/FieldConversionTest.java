package org.neuroatlas.core.register.elastix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.register.AffineMap;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.SampleGeometry;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The conversion of elastix's transform into ours: atlas → sample direction, physical frames (voxel centres at
 * integer indices, origin at the first voxel's centre, µm) and the split into affine part and field.
 */
class FieldConversionTest {

    /** Template grid of the tests: 24 × 18 × 20 voxels of 100 µm. */
    static final int[] DIMS = {24, 18, 20};
    static final double[] SPACING = {100, 100, 100};
    static final SampleGeometry SAMPLE = new SampleGeometry(new long[] {60, 50, 40}, new VoxelSize(50, 50, 50), Orientation.parse("psl", "o"));

    /** A psl-like map: axes permuted and flipped, scaled by 1.05, rotated a little and shifted, atlas µm → sample µm. */
    static final AffineMap KNOWN = AffineMap.rotation(4, -3, 6, new double[] {1200, 900, 1000})
            .andThen(AffineMap.of(0, 0, 1.05, 30, 0, 1.05, 0, -40, -1.05, 0, 0, 2600));

    @Test
    void transformixFieldOfAKnownAffineConvertsBack(@TempDir Path dir) throws IOException {
        Assumptions.assumeTrue(ElastixBackend.available(), "elastix is not installed");
        ElastixBackend backend = ElastixBackend.require();
        Path tp = ElastixParameters.writeAffine(dir.resolve("known.txt"), KNOWN, DIMS, SPACING);
        backend.runTransformix(List.of("-def", "all", "-tp", tp.toString(), "-out", dir.toString(), "-threads", "1"),
                dir.resolve("transformix.log"), Progress.NONE);
        MetaImage.Grid field = MetaImage.read(dir.resolve("deformationField.mhd"));
        assertEquals(0, field.origin()[0]);
        assertEquals(100, field.spacing()[2]);
        AtlasTransform t = FieldConversion.convert(field, null, false, "test@1", SAMPLE, Progress.NONE);
        assertEquals(0, KNOWN.maxDifference(t.sampleSide()), 1e-3 * 100, "affine part recovered");
        assertMapsLike(t, KNOWN, 0.01);
    }

    @Test
    void nonAffineFieldSplitsIntoAffineAndWarp() {
        // T = KNOWN after a smooth warp of up to 150 µm, sampled as transformix would: d(x) = T(x) − x at each node.
        float[] d = new float[3 * DIMS[0] * DIMS[1] * DIMS[2]];
        double[] p = new double[3];
        for (int k = 0, i = 0; k < DIMS[2]; k++) {
            for (int j = 0; j < DIMS[1]; j++) {
                for (int x = 0; x < DIMS[0]; x++, i++) {
                    double[] a = {x * 100.0, j * 100.0, k * 100.0};
                    truth(a, p);
                    for (int c = 0; c < 3; c++) {
                        d[3 * i + c] = (float) (p[c] - a[c]);
                    }
                }
            }
        }
        MetaImage.Grid field = new MetaImage.Grid(DIMS, SPACING, new double[3], 3, d);
        AtlasTransform t = FieldConversion.convert(field, null, false, "test@1", SAMPLE, Progress.NONE);
        assertTrue(t.quality().isFoldFree());
        // between nodes trilinear interpolation of u differs from the smooth truth by a few µm at most
        Random r = new Random(1);
        double[] xa = new double[3], expect = new double[3], got = new double[3], back = new double[3];
        for (int n = 0; n < 500; n++) {
            for (int c = 0; c < 3; c++) {
                xa[c] = 100 + r.nextDouble() * (DIMS[c] - 3) * 100;
            }
            truth(xa, expect);
            t.atlasToSample(xa, got);
            assertEquals(0, dist(expect, got), 5, "atlas → sample at " + xa[0] + "," + xa[1] + "," + xa[2]);
            t.sampleToAtlas(got, back);
            assertEquals(0, dist(xa, back), 0.01, "sample → atlas inverts it");
        }
        // at the nodes the conversion is exact up to float rounding
        double[] node = {1200, 800, 1000};
        truth(node, expect);
        t.atlasToSample(node, got);
        assertEquals(0, dist(expect, got), 0.01);
    }

    /** KNOWN after a smooth warp (≤ 150 µm along each axis). */
    private static void truth(double[] a, double[] out) {
        double w0 = 150 * Math.sin(a[1] / 900.0) * Math.cos(a[2] / 1100.0);
        double w1 = 100 * Math.cos(a[0] / 1000.0);
        double w2 = 80 * Math.sin((a[0] + a[1]) / 1300.0);
        KNOWN.apply(a[0] + w0, a[1] + w1, a[2] + w2, out);
    }

    private static void assertMapsLike(AtlasTransform t, AffineMap known, double toleranceUm) {
        Random r = new Random(2);
        double[] xa = new double[3], expect = new double[3], got = new double[3], back = new double[3];
        for (int n = 0; n < 200; n++) {
            for (int c = 0; c < 3; c++) {
                xa[c] = r.nextDouble() * (DIMS[c] - 1) * 100;
            }
            known.apply(xa, expect);
            t.atlasToSample(xa, got);
            assertEquals(0, dist(expect, got), toleranceUm, "atlas → sample");
            t.sampleToAtlas(expect, back);
            assertEquals(0, dist(xa, back), toleranceUm, "sample → atlas");
        }
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }
}
