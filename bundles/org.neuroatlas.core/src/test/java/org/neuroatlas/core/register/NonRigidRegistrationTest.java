package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.density.RegionCountAccuracy;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;

/**
 * The non-rigid stage against the simulator's true transform: a whole demo-atlas brain (100 µm template) imaged at
 * 50 µm in psl, whose true transform carries a smooth warp of up to 150 µm that the linear stage cannot follow.
 */
class NonRigidRegistrationTest {

    /** Issue 6's bar: cells mapped with the estimated transform land within half an atlas voxel (100 µm) of the truth (median). */
    static final double MAX_MEDIAN_CELL_ERROR_UM = 50;
    /** The full transform must cut the linear stage's mean error vs the truth by at least this factor. */
    static final double MEAN_ERROR_GAIN = 0.7;
    /** A sane warp neither collapses nor balloons a region (determinant of W's Jacobian within these bounds). */
    static final double MIN_JACOBIAN = 0.3;
    static final double MAX_JACOBIAN = 3;
    /** The scenario's regions with cell effects, whose counts the study compares. */
    static final List<String> DOPAMINE_REGIONS = List.of("VTA", "SNc", "RR", "DR", "ARH", "PVH", "DMH", "ZI", "MPN");
    /**
     * Mean |count error| over those regions (the registration's share: true cells mapped with the estimate); on this
     * brain it was 5.4 % before the template blur and local gain, 4.1 % after, 1.6 % with the refinement steps.
     */
    static final double MAX_MEAN_COUNT_ERROR = 0.025;
    /** Issue 6's bar for every region (ARH, the worst, is 3.4 % low on this brain; 10.7 % before the refinement). */
    static final double MAX_COUNT_ERROR = 0.05;

    @TempDir
    static Path dir;
    static Atlas atlas;
    static AtlasTransform truth;
    static AtlasReference reference;
    static PreparedSample sample;
    static Registration.Result result;
    static Path brain;

    @BeforeAll
    static void registerOnce() throws IOException {
        atlas = Atlas.demo(100, Progress.NONE);
        brain = SimulatedBrains.wholeBrain(dir.resolve("psl"), 3, "psl", true);
        truth = AtlasTransform.load(brain.resolve(CohortSimulator.TRANSFORM));
        reference = AtlasReference.of(atlas);
        try (Volume<?> auto = Volumes.open(brain.resolve("autofluorescence"), ReadOptions.defaults())
                .withOrientation(Orientation.parse("psl", "o"))) {
            sample = PreparedSample.prepare(auto, reference.voxelSizeUm(), true, Progress.NONE);
        }
        result = Registration.register(reference, sample, Registration.Settings.defaults(2), Progress.NONE, System.nanoTime());
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    /** Mean and max distance between {@code estimate} and the truth over every atlas-brain voxel (annotation > 0), µm. */
    static double[] error(AtlasTransform estimate) {
        return SimulatedBrains.error(atlas, estimate, truth);
    }

    @Test
    void followsTheTrueWarpBetterThanTheLinearStage() throws IOException {
        double[] linear = error(result.linear().transform());
        double[] full = error(result.transform());
        TransformQuality q = result.transform().quality();
        System.out.printf(Locale.ROOT,
                "non-rigid: error vs truth linear mean %.1f / max %.1f µm, non-rigid mean %.1f / max %.1f µm; NCC before %.4f, linear %.4f, "
                        + "non-rigid %.4f; Jacobian %.3f..%.3f, folded %d, max |u| %.1f µm, inverse residual %.4f µm; "
                        + "linear %.1f s, non-rigid %.1f s, total %.1f s%n",
                linear[0], linear[1], full[0], full[1], result.nccBefore(), result.nccLinear(), result.nccNonRigid(),
                q.minJacobianDeterminant(), q.maxJacobianDeterminant(), q.foldedNodes(), q.maxDisplacementUm(), q.inverseResidualUm(),
                result.linear().seconds(), result.nonRigid().seconds(), result.seconds());
        assertTrue(full[0] < MEAN_ERROR_GAIN * linear[0], "mean error " + full[0] + " µm vs linear " + linear[0] + " µm");
        assertTrue(full[1] < linear[1], "max error " + full[1] + " µm vs linear " + linear[1] + " µm");
        assertTrue(result.nccNonRigid() > result.nccLinear(), "NCC improves");
        assertEquals(result.linear().nccAfter(), result.nccLinear(), 1e-6, "same NCC as the linear stage measures");
        assertTrue(q.isFoldFree(), "no folding: " + q);
        assertEquals(0, result.nonRigid().jacobian().foldedNodes());
        assertTrue(q.minJacobianDeterminant() > MIN_JACOBIAN && q.maxJacobianDeterminant() < MAX_JACOBIAN, q.toString());
        // the field lies on the template's grid
        assertArrayEquals(new int[] {(int) reference.template.nx, reference.template.ny, reference.template.nz},
                result.transform().displacement().orElseThrow().dimensions());
        assertArrayEquals(new double[3], result.transform().displacement().orElseThrow().originUm());
        // and the transform saves and reads back
        Path saved = dir.resolve("saved");
        result.save(saved);
        assertEquals(result.transform().displacement().orElseThrow(),
                AtlasTransform.load(saved.resolve(LinearRegistration.TRANSFORM_FOLDER)).displacement().orElseThrow());
        String json = Files.readString(saved.resolve(LinearRegistration.QUALITY_FILE));
        assertTrue(json.contains("\"nccAfter\": " + result.nccNonRigid()) && json.contains("\"foldedNodes\": 0")
                && json.contains("\"nccAffine\": " + result.nccLinear()), json);
    }

    @Test
    void mappedCellsLandWithinHalfAnAtlasVoxel() {
        double[] linear = SimulatedBrains.mappedError(atlas, result.linear().transform(), truth);
        double[] full = SimulatedBrains.mappedError(atlas, result.transform(), truth);
        System.out.printf(Locale.ROOT, "non-rigid: mapped cell positions vs truth (atlas µm, every atlas-brain voxel): linear median %.1f / mean %.1f / "
                + "max %.1f, non-rigid median %.1f / mean %.1f / max %.1f%n", linear[0], linear[1], linear[2], full[0], full[1], full[2]);
        assertTrue(full[0] <= MAX_MEDIAN_CELL_ERROR_UM, "median " + full[0] + " µm");
        assertTrue(full[0] < linear[0], "non-rigid median " + full[0] + " µm vs linear " + linear[0] + " µm");
    }

    @Test
    void countsTheDopamineRegionsClosely() {
        List<RegionCountAccuracy> counts = RegionCountAccuracy.measure(atlas, result.transform(), brain,
                CsvTable.read(brain.resolve(CohortSimulator.CELLS)), DOPAMINE_REGIONS, Progress.NONE);
        double sum = 0;
        StringBuilder line = new StringBuilder("non-rigid: true cells mapped, count vs truth:");
        for (RegionCountAccuracy c : counts) {
            line.append(String.format(Locale.ROOT, " %s %+.1f %%", c.acronym(), 100 * c.relativeError()));
            assertTrue(c.trueCount() > 300, c.toString());
            assertTrue(Math.abs(c.relativeError()) < MAX_COUNT_ERROR, c.toString());
            sum += Math.abs(c.relativeError());
        }
        double mean = sum / counts.size();
        System.out.println(line + String.format(Locale.ROOT, "; mean |error| %.1f %%", 100 * mean));
        assertTrue(mean < MAX_MEAN_COUNT_ERROR, "mean |count error| " + mean);
    }

    @Test
    void sameFieldWhateverTheThreadCount() {
        AffineMap affine = result.linear().transform().sampleSide();
        // a few iterations on every level, so that the pyramid's resampling is covered too, and refinement steps
        int[] its = {4, 2, 2};
        NonRigidRegistration.Result one = NonRigidRegistration.register(reference, sample, affine,
                new NonRigidRegistration.Settings(1, its, 1.0, 1.5, 3.0, 0.3, 2, 4.0), Progress.NONE);
        NonRigidRegistration.Result two = NonRigidRegistration.register(reference, sample, affine,
                new NonRigidRegistration.Settings(2, its, 1.0, 1.5, 3.0, 0.3, 2, 4.0), Progress.NONE);
        assertEquals(one.displacement(), two.displacement());
        assertEquals(one.nccAfter(), two.nccAfter());
        assertTrue(!one.displacement().isZero());
    }

    @Test
    void smoothingKeepsAConstantFieldAndSpreadsASpike() {
        int nx = 5, ny = 4, nz = 3;
        float[] constant = new float[3 * nx * ny * nz];
        for (int i = 0; i < constant.length; i++) {
            constant[i] = i % 3 + 1;
        }
        float[] c = FieldSmoothing.smooth(constant, nx, ny, nz, 1.0);
        for (int i = 0; i < c.length; i++) {
            assertEquals(constant[i], c[i], 1e-5);
        }
        float[] spike = new float[3 * nx * ny * nz];
        int centre = 3 * ((1 * ny + 2) * nx + 2);
        spike[centre + 1] = 1;
        float[] s = FieldSmoothing.smooth(spike, nx, ny, nz, 0.8);
        assertTrue(s[centre + 1] < 1 && s[centre + 1] > 0 && s[centre + 4] > 0, "spread to neighbours");
        assertEquals(0, s[centre], 0, "components stay apart");
        assertEquals(1, spike[centre + 1], 0, "input untouched");
    }

    /**
     * The row-wise smoothing equals the textbook separable convolution over clamped indices (x, then y, then z; each
     * sum in kernel order, in double) to float rounding: the reordering for speed must not change a registration.
     */
    @Test
    void smoothingEqualsTheClampedConvolution() {
        int nx = 7, ny = 5, nz = 6;
        java.util.Random random = new java.util.Random(3);
        float[] field = new float[3 * nx * ny * nz];
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) random.nextGaussian();
        }
        double sigma = 1.3;
        double[] k = FieldSmoothing.kernel(sigma);
        int r = k.length / 2;
        int[] n = {nx, ny, nz};
        float[] a = field.clone();
        for (int axis = 0; axis < 3; axis++) {
            float[] b = new float[a.length];
            for (int z = 0; z < nz; z++) {
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        int[] p = {x, y, z};
                        for (int c = 0; c < 3; c++) {
                            double sum = 0;
                            for (int t = -r; t <= r; t++) {
                                int[] q = p.clone();
                                q[axis] = Math.min(Math.max(p[axis] + t, 0), n[axis] - 1);
                                sum += k[t + r] * a[3 * ((q[2] * ny + q[1]) * nx + q[0]) + c];
                            }
                            b[3 * ((z * ny + y) * nx + x) + c] = (float) sum;
                        }
                    }
                }
            }
            a = b;
        }
        // The smoothing sums in float (pairs of symmetric taps first); the plain double convolution agrees to float rounding.
        org.junit.jupiter.api.Assertions.assertArrayEquals(a, FieldSmoothing.smooth(field, nx, ny, nz, sigma), 1e-6f);
    }

    /** The smoothing gives the same bits on 1 thread and on 3 (each output value is one fixed-order sum). */
    @Test
    void smoothingDoesNotDependOnTheThreadCount() throws Exception {
        int nx = 19, ny = 11, nz = 13;
        java.util.Random random = new java.util.Random(5);
        float[] field = new float[3 * nx * ny * nz];
        for (int i = 0; i < field.length; i++) {
            field[i] = (float) random.nextGaussian();
        }
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        java.util.concurrent.ForkJoinPool three = new java.util.concurrent.ForkJoinPool(3);
        try {
            float[] a = one.submit(() -> FieldSmoothing.smooth(field, nx, ny, nz, 2.2)).get();
            float[] b = three.submit(() -> FieldSmoothing.smooth(field, nx, ny, nz, 2.2)).get();
            org.junit.jupiter.api.Assertions.assertArrayEquals(a, b);
        } finally {
            one.shutdown();
            three.shutdown();
        }
    }
}
