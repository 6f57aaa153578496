package org.neuroatlas.core.register;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import net.imglib2.img.array.ArrayImgs;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.InputException;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.PixelType;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * The linear stage against the simulator's true transforms: whole demo-atlas brains (100 µm template) imaged at
 * 50 µm, without cells or fibres, in two orientations and two poses.
 */
class LinearRegistrationTest {

    /**
     * Bound on the mean distance between the recovered affine and the true mapping over the atlas brain, µm. The
     * true transform adds a smooth warp of up to {@code BrainPose.MAX_WARP_UM} = 150 µm that no affine map can
     * follow; its best affine fit leaves tens of µm on average. 1.5 template voxels (150 µm) is therefore a loose
     * bound for a correct registration, and far below what a wrong pose gives (a 1° rotation alone moves the brain's
     * edge by ~100 µm).
     */
    static final double MEAN_ERROR_BOUND_UM = 150;
    /** The largest error, at the brain's edge where the warp is largest: 3 template voxels. */
    static final double MAX_ERROR_BOUND_UM = 300;
    /**
     * The registration may miss the best affine fit to the true mapping (least squares over the atlas brain) by at
     * most a quarter template voxel on average: it sees the images, not the warp, so it cannot be expected to
     * find that fit exactly, but it must come close.
     */
    static final double NEAR_BEST_UM = 25;

    @TempDir
    static Path dir;
    static Atlas atlas;
    static Path brainPsl;
    static Path brainOther;

    @BeforeAll
    static void simulate() throws IOException {
        atlas = Atlas.demo(100, Progress.NONE);
        brainPsl = simulate(3, "psl", "psl");
        brainOther = simulate(11, "ial", "ial");
    }

    @AfterAll
    static void close() {
        atlas.close();
    }

    static Path simulate(long seed, String orientation, String name) throws IOException {
        return SimulatedBrains.wholeBrain(dir.resolve(name), seed, orientation);
    }

    static Volume<?> autofluorescence(Path brain, String orientation) {
        return Volumes.open(brain.resolve("autofluorescence"), ReadOptions.defaults()).withOrientation(Orientation.parse(orientation, "o"));
    }

    /** Mean and max |A_est·x + b_est − true(x)| over every atlas-brain voxel (annotation > 0), µm. */
    static double[] error(AtlasTransform estimate, AtlasTransform truth) {
        return SimulatedBrains.error(atlas, estimate, truth);
    }

    /**
     * The affine map closest to the true mapping in the least-squares sense over the atlas brain: the best any
     * affine registration could do, for comparison.
     */
    static AffineMap bestAffineFit(AtlasTransform truth) {
        double[][] m = new double[4][4];
        double[][] rhs = new double[3][4];
        double[] t = new double[3];
        SimulatedBrains.forEachBrainVoxelUm(atlas, xa -> {
            truth.atlasToSample(xa, t);
            double[] h = {xa[0], xa[1], xa[2], 1};
            for (int i = 0; i < 4; i++) {
                for (int j = 0; j < 4; j++) {
                    m[i][j] += h[i] * h[j];
                }
                for (int r = 0; r < 3; r++) {
                    rhs[r][i] += h[i] * t[r];
                }
            }
        });
        double[] a = new double[12];
        for (int r = 0; r < 3; r++) {
            double[] row = SmallLinearSystems.solve(m, rhs[r]);
            System.arraycopy(row, 0, a, 4 * r, 4);
        }
        return AffineMap.of(a);
    }


    void recoversTheTruePose(Path brain, String orientation) throws IOException {
        AtlasTransform truth = AtlasTransform.load(brain.resolve(CohortSimulator.TRANSFORM));
        LinearRegistration.Result r;
        try (Volume<?> auto = autofluorescence(brain, orientation)) {
            r = LinearRegistration.register(atlas, auto, new LinearRegistration.Settings(2, true), Progress.NONE);
        }
        double[] err = error(r.transform(), truth);
        double[] best = error(AtlasTransform.affine(bestAffineFit(truth), truth.atlasKey(), truth.sample()), truth);
        AffineMap identityGuess = AffineMap.identity();
        System.out.printf(Locale.ROOT,
                "%s: NCC before %.4f, rigid %.4f, after %.4f; error mean %.1f µm, max %.1f µm (best affine fit: mean %.1f, max %.1f); %.1f s%n",
                orientation, r.nccBefore(), r.rigidNcc(), r.nccAfter(), err[0], err[1], best[0], best[1], r.seconds());
        assertTrue(r.nccAfter() > r.nccBefore(), "NCC improves");
        assertTrue(r.nccAfter() > r.rigidNcc(), "affine improves on rigid");
        assertTrue(err[0] < MEAN_ERROR_BOUND_UM, "mean error " + err[0] + " µm");
        assertTrue(err[0] < best[0] + NEAR_BEST_UM, "mean error " + err[0] + " µm, best affine fit " + best[0] + " µm");
        assertTrue(err[1] < MAX_ERROR_BOUND_UM, "max error " + err[1] + " µm");
        assertEquals(truth.sample(), r.transform().sample());
        assertEquals(atlas.identity().key(), r.transform().atlasKey());
        assertTrue(r.transform().isAffine() && !r.transform().sampleSide().equals(identityGuess));
        // what is saved reads back as the same transform
        Path saved = dir.resolve("saved-" + orientation);
        r.transform().save(saved);
        assertEquals(r.transform().sampleSide(), AtlasTransform.load(saved).sampleSide());
    }

    @Test
    void recoversThePoseOfAPslBrain() throws IOException {
        recoversTheTruePose(brainPsl, "psl");
    }

    @Test
    void recoversThePoseOfABrainInAnotherOrientation() throws IOException {
        recoversTheTruePose(brainOther, "ial");
    }

    @Test
    void sameResultWhateverTheThreadCount() {
        AtlasReference reference = AtlasReference.of(atlas);
        PreparedSample sample;
        try (Volume<?> auto = autofluorescence(brainPsl, "psl")) {
            sample = PreparedSample.prepare(auto, reference.voxelSizeUm(), true, Progress.NONE);
        }
        LinearRegistration.Result one = LinearRegistration.register(reference, sample, new LinearRegistration.Settings(1, true), Progress.NONE, 0);
        LinearRegistration.Result two = LinearRegistration.register(reference, sample, new LinearRegistration.Settings(2, true), Progress.NONE, 0);
        assertEquals(one.transform().sampleSide(), two.transform().sampleSide());
        assertEquals(one.nccAfter(), two.nccAfter());
    }

    @Test
    void preparationKeepsSampleMicrometres() {
        try (Volume<?> auto = autofluorescence(brainPsl, "psl")) {
            PreparedSample s = PreparedSample.prepare(auto, new VoxelSize(100, 100, 100), true, Progress.NONE);
            long[] d = auto.dimensions();
            for (int a = 0; a < 3; a++) {
                assertEquals(Math.max(1, Math.round(d[a] * 50 / 100.0)), s.dimensions()[a]);
                // a 100 µm voxel covers two 50 µm voxels: its centre lies 25 µm beyond the first source centre
                assertEquals(25, s.originUm()[a], 1e-9);
            }
            assertEquals(new VoxelSize(100, 100, 100), s.voxelSizeUm());
            assertEquals(SampleGeometry.of(auto), s.geometry());
            assertTrue(s.brainVoxels() > 0.05 * d[0] * d[1] * d[2] / 8, "a brain is found: " + s.brainVoxels());
        }
    }

    @Test
    void aConstantImageIsRejected() {
        Volume<?> flat = Volume.of(ArrayImgs.unsignedShorts(new short[40 * 30 * 20], 40, 30, 20), new VoxelSize(50, 50, 50), PixelType.UINT16,
                "flat", Orientation.parse("psl", "o"), java.util.Map.of(), null);
        InputException e = assertThrows(InputException.class,
                () -> LinearRegistration.register(atlas, flat, new LinearRegistration.Settings(1, true), Progress.NONE));
        assertTrue(e.getMessage().contains("constant"), e.getMessage());
    }

    @Test
    void aMissingOrWrongOrientationIsRejected() {
        try (Volume<?> unknown = autofluorescence(brainPsl, "psl").withOrientation(null)) {
            InputException missing = assertThrows(InputException.class,
                    () -> LinearRegistration.register(atlas, unknown, new LinearRegistration.Settings(2, true), Progress.NONE));
            assertTrue(missing.getMessage().contains("--orientation"), missing.getMessage());
        }
        // psl read as asl: anterior and posterior swapped
        try (Volume<?> wrong = autofluorescence(brainPsl, "asl")) {
            InputException e = assertThrows(InputException.class,
                    () -> LinearRegistration.register(atlas, wrong, new LinearRegistration.Settings(2, true), Progress.NONE));
            System.out.println("wrong orientation: " + e.getMessage());
            assertTrue(e.getMessage().contains("--orientation") && e.getMessage().contains("asl does not seem"), e.getMessage());
        }
    }

    @Test
    void smallSystemsAreSolvedOrReportedSingular() {
        double[] x = SmallLinearSystems.solve(new double[][] {{0, 2, 1}, {1, 1, 0}, {3, 0, 1}}, new double[] {7, 3, 6});
        assertEquals(1, x[0], 1e-12);
        assertEquals(2, x[1], 1e-12);
        assertEquals(3, x[2], 1e-12);
        assertEquals(null, SmallLinearSystems.solve(new double[][] {{1, 2}, {2, 4}}, new double[] {1, 2}));
    }

    @Test
    void rotationIsRodrigues() {
        double[] r = LinearOptimizer.rotation(0, 0, Math.PI / 2);
        double[] expected = {0, -1, 0, 1, 0, 0, 0, 0, 1};
        for (int i = 0; i < 9; i++) {
            assertEquals(expected[i], r[i], 1e-12, Arrays.toString(r));
        }
    }
}
