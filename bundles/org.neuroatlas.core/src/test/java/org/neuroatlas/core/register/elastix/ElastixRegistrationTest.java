package org.neuroatlas.core.register.elastix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalDouble;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.register.LinearRegistration;
import org.neuroatlas.core.register.PreparedSample;
import org.neuroatlas.core.register.TransformDistance;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * elastix end to end on a whole simulated demo brain (the demo atlas at its coarsest, 200 µm, imaged at 50 µm in
 * psl, true pose with a smooth warp of up to 150 µm): the converted transform must be close to the simulator's true
 * one. Skipped without elastix. The coarse grids and fewer iterations than the defaults keep it to seconds; the
 * benchmark measures the defaults at 100 µm.
 */
class ElastixRegistrationTest {

    /** Mean error vs the truth over the atlas brain, µm (half a template voxel). */
    static final double MAX_MEAN_ERROR_UM = 100;

    @TempDir
    static Path dir;
    static Atlas atlas;
    static AtlasTransform truth;
    static ElastixRegistration.Result result;

    @BeforeAll
    static void registerOnce() throws IOException {
        Assumptions.assumeTrue(ElastixBackend.available(), "elastix is not installed");
        atlas = Atlas.demo(200, Progress.NONE);
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.of(200), "ketamine", 1, new VoxelSize(50, 50, 50),
                Orientation.parse("psl", "o"), 3, "", 0, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        Path brain = c.folder().resolve(c.brains().get(0).sampleId());
        truth = AtlasTransform.load(brain.resolve(CohortSimulator.TRANSFORM));
        try (Volume<?> auto = Volumes.open(brain.resolve("autofluorescence"), ReadOptions.defaults())
                .withOrientation(Orientation.parse("psl", "o"))) {
            PreparedSample sample = LinearRegistration.prepare(atlas, auto, LinearRegistration.Settings.defaults(), Progress.NONE);
            ElastixRegistration.Settings settings = ElastixRegistration.Settings.defaults(2).withIterations(100, 100)
                    .withWorkFolder(dir.resolve("work"));
            result = ElastixRegistration.register(atlas, sample, settings, Progress.NONE);
        }
    }

    @AfterAll
    static void close() {
        if (atlas != null) {
            atlas.close();
        }
    }

    @Test
    void closeToTheTrueTransform() {
        TransformDistance d = TransformDistance.between(atlas, result.transform(), truth);
        System.out.printf("elastix: %.1f s, NCC %.3f -> %.3f -> %.3f, error mean %.1f median %.1f max %.1f µm, J %.2f..%.2f, folds %d%n",
                result.seconds(), result.nccBefore(), result.nccLinear(), result.nccNonRigid(), d.meanUm(), d.medianUm(), d.maxUm(),
                result.transform().quality().minJacobianDeterminant(), result.transform().quality().maxJacobianDeterminant(),
                result.transform().quality().foldedNodes());
        assertTrue(d.meanUm() < MAX_MEAN_ERROR_UM, "mean error " + d.meanUm() + " µm");
        assertTrue(result.nccNonRigid() > result.nccBefore(), "registration raised the NCC");
        assertTrue(result.transform().quality().isFoldFree(), "no folds");
    }

    @Test
    void bothDirectionsAgree() {
        double[] xa = {6000, 3000, 5500}, xs = new double[3], back = new double[3];
        result.transform().atlasToSample(xa, xs);
        result.transform().sampleToAtlas(xs, back);
        for (int d = 0; d < 3; d++) {
            assertEquals(xa[d], back[d], 0.01);
        }
    }

    @Test
    void savesAFolderThatLoadsAndKeepsTheLog(@TempDir Path out) throws IOException {
        result.save(out);
        AtlasTransform loaded = AtlasTransform.load(out.resolve(LinearRegistration.TRANSFORM_FOLDER));
        assertEquals(result.transform().sampleSide(), loaded.sampleSide());
        String quality = Files.readString(out.resolve(LinearRegistration.QUALITY_FILE));
        assertTrue(quality.contains("\"backend\": \"elastix\""), quality);
        assertTrue(Files.readString(out.resolve(ElastixRegistration.ELASTIX_FOLDER).resolve(ElastixRegistration.LOG_FILE))
                .contains("Running elastix"));
        assertTrue(Files.exists(out.resolve(ElastixRegistration.ELASTIX_FOLDER).resolve("bspline.txt")));
    }
}
