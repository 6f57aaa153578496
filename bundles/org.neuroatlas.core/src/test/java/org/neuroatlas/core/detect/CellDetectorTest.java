package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.SharedData;
import org.neuroatlas.core.detect.score.CellMatching;
import org.neuroatlas.core.detect.score.CellPositions;
import org.neuroatlas.core.detect.score.InteriorScoring;
import org.neuroatlas.core.detect.score.Score;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Accuracy: detection with default settings on two simulated crops of the demo atlas (5 µm voxels, fibres on,
 * saline brain), scored one-to-one against the true cells: the VTA and its surroundings (about 14,000 cells in
 * 2.9 mm³) and a box around the right SNc / VTA twice as dense (about 9,300 cells in 1.1 mm³, many touching);
 * and a look at a real cellfinder test crop. Figures are printed, not timed.
 */
class CellDetectorTest {

    /** Atlas µm box around the right SNc / VTA: about 8,500 cells per mm³. */
    static final String DENSE_BOX = "box:8000,4400,4300,8700,5100,5000";

    @TempDir
    static Path dir;
    static Path vta;
    static Path dense;

    @BeforeAll
    static void simulate() throws IOException {
        vta = simulate(1, "VTA", "vta");
        dense = simulate(7, DENSE_BOX, "dense");
    }

    static Path simulate(long seed, String crop, String name) throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(5, 5, 5),
                Orientation.parse("psl", "o"), seed, crop, 1, true, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve(name), Progress.NONE);
        return c.folder().resolve(c.brains().get(0).sampleId());
    }

    static Score score(CellPositions found, CellPositions truth, double radiusUm) {
        return CellMatching.match(found, truth, CellMatching.Tolerance.isotropic(radiusUm)).score();
    }

    /**
     * Detects with defaults and scores against the brain's cells.csv within half a cell diameter, both tables cut to
     * the image shrunk by one cell radius: the truth lists only cells centred in the image, the image also shows
     * the cells centred just outside (measured: they are more than half the false positives of a whole crop).
     */
    static Score detectAndScore(Path brain, String label) {
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
            Detection d = CellDetector.detect(signal, DetectionSettings.defaults().withThreads(2), Progress.NONE);
            double r = 0.5 * DetectionSettings.DEFAULT_CELL_DIAMETER_UM;
            CellPositions found = CellTable.positionsUm(d, signal.voxelSizeUm());
            CellPositions truth = CellPositions.read(brain.resolve("cells.csv"));
            Score whole = score(found, truth, r);
            Score inner = InteriorScoring.of(signal, truth, r).score(found);
            System.out.printf("%s %s: threshold %.2f; %.1f Mvoxel/s (2 threads)%n  whole image: %s%n  %.1f µm inside: %s%n", label, signal, d.threshold(),
                    d.megavoxelsPerSecond(), whole, r, inner);
            DetectedCell c = d.cells().get(d.cells().size() / 2);
            assertTrue(c.peak() >= c.mean() && c.mean() > c.background() && c.volumeVox() >= 1 && c.score() > d.threshold(), c.toString());
            return inner;
        }
    }

    @Test
    void findsTheSimulatedCellsWithTheAutomaticThreshold() {
        Score s = detectAndScore(vta, "VTA crop");
        assertTrue(s.f1() >= 0.95, s.toString());
        assertTrue(s.meanErrorUm() < 1.5, s.toString());
    }

    /**
     * Where cells crowd, the dimmer of two touching cells (centres 11–17 µm apart, 2–3 voxels) often has no maximum
     * of its own in the band-pass image; the peeling pass finds most of them in the residual. Measured: recall 0.89
     * (F1 0.941, precision 0.992) without peeling, 0.94 (F1 0.961, precision 0.981) with it; the floor is issue 5's
     * bar, which fails without peeling.
     */
    @Test
    void crowdedCellsCostRecallNotPrecision() {
        Score s = detectAndScore(dense, "dense SNc/VTA box");
        assertTrue(s.f1() >= 0.95, s.toString());
        assertTrue(s.precision() >= 0.95, s.toString());
        assertTrue(s.meanErrorUm() < 2, s.toString());
    }

    @Test
    void aHigherThresholdFindsASubset() {
        try (Volume<?> signal = Volumes.open(dense.resolve("signal"), ReadOptions.defaults())) {
            DetectionSettings s = DetectionSettings.defaults().withThreads(2).withVolumeRangeUm3(500, 20000);
            Detection low = CellDetector.detect(signal, s, Progress.NONE);
            Detection high = CellDetector.detect(signal, s.withThreshold(Threshold.absolute(4 * low.threshold())), Progress.NONE);
            assertTrue(high.cells().size() < low.cells().size() && !high.cells().isEmpty(), high.cells().size() + " vs " + low.cells().size());
            for (DetectedCell c : low.cells()) {
                double um3 = c.volumeVox() * 125.0;
                assertTrue(um3 >= 500 && um3 <= 20000, c.toString());
            }
        }
    }

    /** cellfinder's test crop (2, 2, 5 µm voxels) and its 56 reference cells. */
    @Test
    void realCellfinderCrop() throws IOException {
        Path crop = SharedData.testdata("cellfinder_detection_crop");
        List<double[]> reference = new ArrayList<>();
        Matcher m = Pattern.compile("<MarkerX>(\\d+)</MarkerX>\\s*<MarkerY>(\\d+)</MarkerY>\\s*<MarkerZ>(\\d+)</MarkerZ>")
                .matcher(Files.readString(crop.resolve("cell_classification.xml")));
        while (m.find()) {
            reference.add(new double[] {Integer.parseInt(m.group(1)) * 2.0, Integer.parseInt(m.group(2)) * 2.0, Integer.parseInt(m.group(3)) * 5.0});
        }
        assertEquals(56, reference.size());
        CellPositions ref = CellPositions.of(reference.stream().mapToDouble(p -> p[0]).toArray(), reference.stream().mapToDouble(p -> p[1]).toArray(),
                reference.stream().mapToDouble(p -> p[2]).toArray());
        try (Volume<?> v = Volumes.open(crop.resolve("crop_planes/ch0"), ReadOptions.defaults().withVoxelSize(new VoxelSize(2, 2, 5)))) {
            // The reference is cellfinder's own output after its classifier (not a manual annotation), on planes 10-19
            // only, so only recall means anything; and its markers are whole voxels (5 µm in z), so a match within 10 µm
            // (under one cell diameter: the same soma) is the fair test, within 5 µm is printed too.
            int found12 = 0;
            for (double diameter : new double[] {DetectionSettings.DEFAULT_CELL_DIAMETER_UM, 12}) {
                Detection d = CellDetector.detect(v, DetectionSettings.defaults().withCellDiameterUm(diameter).withThreads(2), Progress.NONE);
                CellPositions found = CellTable.positionsUm(d, v.voxelSizeUm());
                int within5 = score(found, ref, 5).truePositives();
                int within10 = score(found, ref, 10).truePositives();
                System.out.printf("cellfinder crop %s, cell diameter %s µm: %d cells detected (threshold %.1f); reference cells found within 5 µm: "
                        + "%d of 56 (within 10 µm: %d); %.1f Mvoxel/s%n", v, diameter, d.cells().size(), d.threshold(), within5,
                        within10, d.megavoxelsPerSecond());
                found12 = within10;
            }
            // 80 %: the recall the simulated crowded crop reached before the peeling pass (0.89), less a margin for a
            // real image's variety
            assertTrue(found12 >= 45, found12 + " of 56 reference cells within 10 µm at 12 µm cell diameter");
        }
    }
}
