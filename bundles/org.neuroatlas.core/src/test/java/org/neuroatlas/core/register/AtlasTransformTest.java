package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.AtlasIdentity;
import org.neuroatlas.core.volume.VoxelSize;

class AtlasTransformTest {

    /** Built once: the inverse field takes a moment, and every test here only reads it. */
    static AtlasTransform warped;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        warped = TransformFixtures.transform(7);
    }

    private static double[] randomAtlasPoint(Random r) {
        double[] p = new double[3];
        for (int d = 0; d < 3; d++) {
            p[d] = r.nextDouble() * (TransformFixtures.ATLAS_DIMS[d] - 1) * TransformFixtures.ATLAS_VOXEL.um(d);
        }
        return p;
    }

    private static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void qualityDescribesAFoldFreeWellInvertedWarp() {
        TransformQuality q = warped.quality();
        assertTrue(q.isFoldFree());
        assertTrue(q.minJacobianDeterminant() >= SmoothWarps.MIN_JACOBIAN, "" + q);
        assertTrue(q.maxDisplacementUm() > 200 && q.maxDisplacementUm() <= 300 + 1e-3, "" + q);
        assertTrue(q.inverseResidualUm() < 0.5, "" + q);
        assertEquals(warped.sampleSide().determinant(), q.affineDeterminant(), 0);
        assertEquals(q.maxDisplacementUm(), warped.displacement().orElseThrow().maxDisplacementUm(), 0);
    }

    @Test
    void sampleToAtlasInvertsAtlasToSample() {
        Random r = new Random(8);
        double[] xs = new double[3], back = new double[3], again = new double[3];
        double worstAtlas = 0, worstSample = 0;
        for (int n = 0; n < 20000; n++) {
            double[] xa = randomAtlasPoint(r);
            warped.atlasToSample(xa, xs);
            warped.sampleToAtlas(xs, back);
            worstAtlas = Math.max(worstAtlas, dist(xa, back));
            // A sample point near the brain, not necessarily the image of a node: the other round trip.
            for (int d = 0; d < 3; d++) {
                xs[d] += 100 * (2 * r.nextDouble() - 1);
            }
            warped.sampleToAtlas(xs, back);
            warped.atlasToSample(back, again);
            worstSample = Math.max(worstSample, dist(xs, again));
        }
        assertTrue(worstSample < 0.01, "sample round trip " + worstSample + " µm");
        assertTrue(worstAtlas < 0.01, "atlas round trip " + worstAtlas + " µm");
    }

    @Test
    void theInverseFieldAloneIsAlreadyClose() {
        // Guards the refinement's starting point: y + v(y) lands within a few µm, so Newton starts in the right basin.
        DisplacementField u = warped.displacement().orElseThrow(), v = warped.inverseDisplacement().orElseThrow();
        Random r = new Random(9);
        double[] a = new double[3], b = new double[3];
        double worst = 0;
        for (int n = 0; n < 5000; n++) {
            double[] y = randomAtlasPoint(r);
            v.displacement(y, a);
            double[] x = {y[0] + a[0], y[1] + a[1], y[2] + a[2]};
            u.displacement(x, b);
            worst = Math.max(worst, dist(new double[] {x[0] + b[0], x[1] + b[1], x[2] + b[2]}, y));
        }
        assertTrue(worst < 10, "v alone misses by " + worst + " µm");
    }

    @Test
    void affineTransformsMapThroughTheMatrixOnly() {
        AffineMap a = TransformFixtures.sampleSide(3);
        AtlasTransform t = AtlasTransform.affine(a, TransformFixtures.ATLAS_KEY, TransformFixtures.sample());
        assertTrue(t.isAffine());
        assertEquals(0, t.quality().maxDisplacementUm());
        Random r = new Random(10);
        double[] xs = new double[3], back = new double[3];
        for (int n = 0; n < 100; n++) {
            double[] xa = randomAtlasPoint(r);
            t.atlasToSample(xa, xs);
            assertArrayEquals(a.apply(xa), xs, 0);
            t.sampleToAtlas(xs, back);
            assertArrayEquals(xa, back, 1e-8);
        }
    }

    @Test
    void batchAndRowMappingAgreeWithSinglePoints() throws Exception {
        Random r = new Random(11);
        int n = 30000;
        double[] pts = new double[3 * n];
        for (int i = 0; i < n; i++) {
            double[] xa = randomAtlasPoint(r);
            double[] xs = new double[3];
            warped.atlasToSample(xa, xs);
            System.arraycopy(xs, 0, pts, 3 * i, 3);
        }
        double[] parallel = new double[3 * n];
        warped.sampleToAtlasPoints(pts, parallel);
        ForkJoinPool single = new ForkJoinPool(1);
        double[] sequential = new double[3 * n];
        try {
            single.submit(() -> warped.sampleToAtlasPoints(pts, sequential)).get();
        } finally {
            single.shutdown();
        }
        assertArrayEquals(sequential, parallel, 0);
        double[] one = new double[3];
        for (int i = 0; i < n; i += 97) {
            warped.sampleToAtlas(new double[] {pts[3 * i], pts[3 * i + 1], pts[3 * i + 2]}, one);
            assertArrayEquals(one, new double[] {parallel[3 * i], parallel[3 * i + 1], parallel[3 * i + 2]}, 0);
        }
        // atlasToSamplePoints, in place.
        double[] atlas = parallel.clone();
        warped.atlasToSamplePoints(atlas, atlas);
        for (int i = 0; i < n; i += 89) {
            warped.atlasToSample(new double[] {parallel[3 * i], parallel[3 * i + 1], parallel[3 * i + 2]}, one);
            assertArrayEquals(one, new double[] {atlas[3 * i], atlas[3 * i + 1], atlas[3 * i + 2]}, 0);
        }
        // A row of voxels through the brain.
        SampleGeometry s = warped.sample();
        int len = (int) s.dimensions()[0];
        double ys = s.extentUm(1) / 2, zs = s.extentUm(2) / 2, dx = s.voxelSizeUm().xUm();
        double[] ox = new double[len], oy = new double[len], oz = new double[len];
        warped.sampleToAtlasRow(ys, zs, 0, dx, len, ox, oy, oz);
        double[] back = new double[3];
        for (int i = 0; i < len; i++) {
            warped.sampleToAtlas(new double[] {i * dx, ys, zs}, one);
            // Both meet the same tolerance from different starting points: equal to ~10⁻³ µm, not bit for bit.
            assertArrayEquals(one, new double[] {ox[i], oy[i], oz[i]}, 2e-3, "voxel " + i);
            warped.atlasToSample(new double[] {ox[i], oy[i], oz[i]}, back);
            assertArrayEquals(new double[] {i * dx, ys, zs}, back, 0.01, "voxel " + i);
        }
        // Without refinement: the inverse field alone, within a few µm.
        double[] ax = new double[len], ay = new double[len], az = new double[len];
        warped.sampleToAtlasRow(ys, zs, 0, dx, len, ax, ay, az, false);
        for (int i = 0; i < len; i++) {
            assertArrayEquals(new double[] {ox[i], oy[i], oz[i]}, new double[] {ax[i], ay[i], az[i]}, 5, "voxel " + i);
        }
    }

    @Test
    void saveAndLoadRoundTripIsBitExact() throws IOException {
        Path folder = dir.resolve("sample1").resolve("transform");
        warped.save(folder);
        AtlasTransform back = AtlasTransform.load(folder);
        assertEquals(warped.sampleSide(), back.sampleSide());
        assertEquals(warped.displacement(), back.displacement());
        assertEquals(warped.inverseDisplacement(), back.inverseDisplacement());
        assertEquals(warped.atlasKey(), back.atlasKey());
        assertEquals(warped.sample(), back.sample());
        assertEquals(warped.quality(), back.quality());
        Random r = new Random(12);
        double[] a = new double[3], b = new double[3];
        for (int n = 0; n < 100; n++) {
            double[] p = randomAtlasPoint(r);
            warped.atlasToSample(p, a);
            back.atlasToSample(p, b);
            assertArrayEquals(a, b, 0);
            warped.sampleToAtlas(a, p);
            back.sampleToAtlas(a, b);
            assertArrayEquals(p, b, 0);
        }
        String json = Files.readString(folder.resolve("transform.json"));
        assertTrue(json.contains("\"atlas\": \"" + TransformFixtures.ATLAS_KEY + "\""), json);
        assertTrue(json.contains("\"orientation\": \"psl\""), json);
        assertTrue(json.contains("\"displacement\": \"displacement.nrrd\""), json);
        assertTrue(Files.isRegularFile(folder.resolve("displacement_inverse.nrrd")));
        // Saving again replaces the folder as a whole.
        AtlasTransform affine = AtlasTransform.affine(AffineMap.translation(1, 2, 3), TransformFixtures.ATLAS_KEY,
                new SampleGeometry(new long[] {10, 20, 30}, VoxelSize.isotropic(2.5), null));
        affine.save(folder);
        assertFalse(Files.exists(folder.resolve("displacement.nrrd")));
        AtlasTransform a2 = AtlasTransform.load(folder);
        assertTrue(a2.isAffine());
        assertEquals(affine.sampleSide(), a2.sampleSide());
        assertEquals(affine.sample(), a2.sample());
        assertEquals(affine.quality(), a2.quality());
        try (var files = Files.list(folder.getParent())) {
            assertEquals(1, files.count(), "no temporary folders left");
        }
    }

    @Test
    void missingOrDamagedFilesGiveInputExceptions() throws IOException {
        Path folder = dir.resolve("t");
        AtlasTransform small = AtlasTransform.of(AffineMap.scaling(1.1, 0.9, 1),
                SmoothWarps.random(2, new long[] {20, 16, 12}, VoxelSize.isotropic(100), 200, 150, 600), "demo@1/100um#00",
                new SampleGeometry(new long[] {100, 80, 60}, VoxelSize.isotropic(20), null));
        small.save(folder);
        Path json = folder.resolve("transform.json");
        String good = Files.readString(json);

        assertInput(() -> AtlasTransform.load(dir.resolve("nowhere")), dir.resolve("nowhere"), "not found");
        edit(json, good, "\"formatVersion\": 1", "\"formatVersion\": 2");
        assertInput(() -> AtlasTransform.load(folder), json, "newer");
        edit(json, good, "\"format\": \"neuroatlas-transform\"", "\"format\": \"something-else\"");
        assertInput(() -> AtlasTransform.load(folder), json, "not a NeuroAtlas transform");
        edit(json, good, "\"atlas\"", "\"atlas\" 12");
        assertInput(() -> AtlasTransform.load(folder), json, "not valid JSON");
        edit(json, good, "\"affine\": [\n    1.1,", "\"affine\": [\n    0,");
        assertInput(() -> AtlasTransform.load(folder), json, "affine");
        edit(json, good, "\"dimensions\": [100,", "\"dimensions\": [-1,");
        assertInput(() -> AtlasTransform.load(folder), json, "dimensions");
        edit(json, good, "\"inverseDisplacement\": \"displacement_inverse.nrrd\"", "\"inverseDisplacement\": null");
        assertInput(() -> AtlasTransform.load(folder), json, "inverseDisplacement");
        edit(json, good, "\"displacement\": \"displacement.nrrd\"", "\"displacement\": \"../elsewhere.nrrd\"");
        assertInput(() -> AtlasTransform.load(folder), json, "displacement");
        edit(json, good, "\"quality\": {", "\"qualities\": {");
        assertInput(() -> AtlasTransform.load(folder), json, "quality");
        Files.writeString(json, good);
        Files.delete(folder.resolve("displacement_inverse.nrrd"));
        assertInput(() -> AtlasTransform.load(folder), folder.resolve("displacement_inverse.nrrd"), "not found");
        Files.delete(json);
        assertInput(() -> AtlasTransform.load(folder), json, "missing");
    }

    private static void edit(Path json, String good, String from, String to) throws IOException {
        assertTrue(good.contains(from), from);
        Files.writeString(json, good.replace(from, to), StandardCharsets.UTF_8);
    }

    @FunctionalInterface
    interface Load {
        void run() throws IOException;
    }

    private static void assertInput(Load load, Path file, String mentions) {
        InputException e = assertThrows(InputException.class, load::run);
        assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(mentions), e.getMessage());
    }

    @Test
    void mismatchedAtlasOrSampleIsAnInputError() {
        Path where = Path.of("t");
        AtlasIdentity other = new AtlasIdentity("allen_mouse_ccf", "2017", 25, "fedcba9876543210");
        InputException e = assertThrows(InputException.class, () -> warped.requireAtlas(other, where));
        assertTrue(e.getMessage().contains(TransformFixtures.ATLAS_KEY), e.getMessage());
        warped.requireAtlas(new AtlasIdentity("allen_mouse_ccf", "2017", 100, "0123456789abcdef"), where);
        warped.requireSample(warped.sample(), where);
        assertThrows(InputException.class,
                () -> warped.requireSample(new SampleGeometry(new long[] {1, 2, 3}, TransformFixtures.SAMPLE_VOXEL, null), where));
    }

    @Test
    void givenInverseFieldIsMeasured() {
        DisplacementField u = warped.displacement().orElseThrow();
        AtlasTransform t = AtlasTransform.of(warped.sampleSide(), u, u.scaled(-1), TransformFixtures.ATLAS_KEY, warped.sample());
        // −u is only a crude inverse of a 300 µm warp: the quality must say so.
        assertTrue(t.quality().inverseResidualUm() > 1, "" + t.quality());
        assertThrows(IllegalArgumentException.class,
                () -> AtlasTransform.restore(AffineMap.identity(), u, null, "k", warped.sample(), warped.quality()));
        assertThrows(IllegalStateException.class, () -> AtlasTransform.affine(AffineMap.scaling(1, 0, 1), "k", warped.sample()));
    }
}
