package org.neuroatlas.core.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.Json;
import org.neuroatlas.core.register.AtlasTransform;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/** {@code neuroatlas register}: a simulated whole brain at 50 µm onto the demo atlas, and one-line errors. */
class RegisterCliTest {

    @TempDir
    static Path dir;
    static Path brain;

    @BeforeAll
    static void simulate() throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(50, 50, 50),
                Orientation.parse("psl", "o"), 5, "", 0, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        brain = c.folder().resolve(c.brains().get(0).sampleId());
    }

    @Test
    void writesTheTransformAndTheQualityFigures() throws IOException {
        Path out = dir.resolve("reg");
        CliTest.Result r = CliTest.run("register", brain.resolve("autofluorescence").toString(), "--voxel-size", "50,50,50", "--orientation", "psl",
                "--atlas", "demo", "--threads", "2", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("NCC:") && r.out().contains("non-rigid") && r.out().contains("Jacobian"), r.out());
        AtlasTransform t = AtlasTransform.load(out.resolve("transform"));
        assertFalse(t.isAffine(), "the non-rigid stage runs by default");
        assertEquals(AtlasTransform.load(brain.resolve(CohortSimulator.TRANSFORM)).sample(), t.sample());
        Map<String, Object> q = Json.object(Json.read(out.resolve("quality.json")), out, "quality");
        double after = ((Number) q.get("nccAfter")).doubleValue(), before = ((Number) q.get("nccBefore")).doubleValue();
        double affine = ((Number) q.get("nccAffine")).doubleValue();
        assertTrue(after > 0.9 && after > affine && affine > before, q.toString());
        assertEquals(after, ((Number) q.get("nccNonRigid")).doubleValue(), 0, q.toString());
        assertEquals(0, ((Number) q.get("foldedNodes")).intValue(), q.toString());
        assertTrue(((Number) q.get("minJacobianDeterminant")).doubleValue() > 0.3
                && ((Number) q.get("maxJacobianDeterminant")).doubleValue() < 3, q.toString());
        assertEquals(t.atlasKey(), q.get("atlas"));
        double warped = ((Number) q.get("nccWarpedToAtlas")).doubleValue();
        System.out.printf(java.util.Locale.ROOT, "estimated affine: NCC after %.4f, warped_to_atlas vs template over the brain %.4f%n", after,
                warped);
        // the same figure as the optimiser's, measured on the written image (boundary and interpolation details aside)
        assertEquals(after, warped, 0.02, q.toString());
        for (String f : new String[] {"warped_to_atlas.nrrd", "atlas_in_sample.nrrd", "qc_coronal.png", "qc_sagittal.png", "qc_horizontal.png"}) {
            assertTrue(Files.size(out.resolve(f)) > 0, f);
        }
        try (var files = Files.list(out)) {
            assertTrue(files.noneMatch(f -> f.getFileName().toString().startsWith(".")), "no temporary files left");
        }
        assertTrue(r.out().contains("warped_to_atlas.nrrd"), r.out());
    }

    @Test
    void linearOnlyWritesAnAffineTransform() throws IOException {
        Path out = dir.resolve("reg-linear");
        CliTest.Result r = CliTest.run("register", brain.resolve("autofluorescence").toString(), "--voxel-size", "50,50,50", "--orientation", "psl",
                "--atlas", "demo", "--threads", "2", "--linear-only", "--out", out.toString(), "--quiet");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("non-rigid"), r.out());
        assertTrue(AtlasTransform.load(out.resolve("transform")).isAffine());
        Map<String, Object> q = Json.object(Json.read(out.resolve("quality.json")), out, "quality");
        assertFalse(q.containsKey("nccNonRigid"), q.toString());
        assertTrue(((Number) q.get("nccAfter")).doubleValue() > 0.9, q.toString());
    }

    @Test
    void aMissingOrientationOrAtlasIsAOneLineError() {
        Path out = dir.resolve("bad");
        CliTest.Result noOrientation = CliTest.run("register", brain.resolve("autofluorescence").toString(), "--voxel-size", "50,50,50",
                "--atlas", "demo", "--out", out.toString(), "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, noOrientation.exit(), noOrientation.err());
        assertTrue(noOrientation.err().contains("--orientation"), noOrientation.err());
        assertFalse(Files.exists(out));
        CliTest.Result noAtlas = CliTest.run("register", brain.resolve("autofluorescence").toString(), "--orientation", "psl", "--atlas",
                dir.resolve("no-atlas").toString(), "--out", out.toString(), "--quiet");
        assertEquals(NeuroAtlasCli.EXIT_INPUT, noAtlas.exit(), noAtlas.err());
        assertEquals(1, noAtlas.err().strip().lines().count(), noAtlas.err());
        assertFalse(Files.exists(out));
    }
}
