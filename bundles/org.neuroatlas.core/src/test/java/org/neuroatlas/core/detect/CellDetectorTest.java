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
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * Accuracy: detection with default settings on a simulated crop around the demo atlas's right SNc / VTA (5 µm
 * voxels, fibres on; about 9,000 cells, many touching), scored against the true cells; and a look at a real
 * cellfinder test crop. Figures are printed, not timed.
 */
class CellDetectorTest {

    static final String CROP = "box:8000,4400,4300,8700,5100,5000";

    @TempDir
    static Path dir;
    static Path brain;

    @BeforeAll
    static void simulate() throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(5, 5, 5),
                Orientation.parse("psl", "o"), 7, CROP, 1, true, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), dir.resolve("cohort"), Progress.NONE);
        brain = c.folder().resolve(c.brains().get(0).sampleId());
    }

    static List<double[]> truth(Path brain) {
        CsvTable t = CsvTable.read(brain.resolve("cells.csv"));
        List<double[]> out = new ArrayList<>();
        for (int r = 0; r < t.size(); r++) {
            out.add(new double[] {Double.parseDouble(t.get(r, "x_um")), Double.parseDouble(t.get(r, "y_um")), Double.parseDouble(t.get(r, "z_um"))});
        }
        return out;
    }

    static List<double[]> positions(Detection d, VoxelSize v) {
        List<double[]> out = new ArrayList<>();
        for (Object[] row : CellTable.rows(d, v)) {
            out.add(new double[] {(Double) row[0], (Double) row[1], (Double) row[2]});
        }
        return out;
    }

    /** Points at least {@code margin} µm inside the volume. */
    static List<double[]> interior(List<double[]> points, Volume<?> v, double margin) {
        return points.stream().filter(p -> {
            for (int d = 0; d < 3; d++) {
                if (p[d] < margin || p[d] > (v.dimensions()[d] - 1) * v.voxelSizeUm().um(d) - margin) {
                    return false;
                }
            }
            return true;
        }).toList();
    }

    @Test
    void findsTheSimulatedCellsWithTheAutomaticThreshold() {
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
            List<double[]> truth = truth(brain);
            Detection d = CellDetector.detect(signal, DetectionSettings.defaults().withThreads(2), Progress.NONE);
            List<double[]> found = positions(d, signal.voxelSizeUm());
            double radius = 0.5 * DetectionSettings.DEFAULT_CELL_DIAMETER_UM;
            CellMatching all = CellMatching.match(truth, found, radius);
            // Cells cut by the crop's faces: truth lists only those centred inside, the image shows the others too.
            CellMatching inner = CellMatching.match(interior(truth, signal, 10), interior(found, signal, 10), radius);
            System.out.printf("simulated crop %s: threshold %.2f; whole crop: %s%n  more than 10 µm inside: %s%n  %.1f Mvoxel/s (2 threads)%n",
                    signal, d.threshold(), all, inner, d.megavoxelsPerSecond());
            assertTrue(all.f1() >= 0.90, all.toString());
            assertTrue(all.precision() >= 0.95, all.toString());
            assertTrue(all.meanDistanceUm < 2, all.toString());
            DetectedCell c = d.cells().get(d.cells().size() / 2);
            assertTrue(c.peak() >= c.mean() && c.mean() > c.background() && c.volumeVox() >= 1 && c.score() > d.threshold(), c.toString());
        }
    }

    @Test
    void aHigherThresholdFindsASubset() {
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
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
        try (Volume<?> v = Volumes.open(crop.resolve("crop_planes/ch0"), ReadOptions.defaults().withVoxelSize(new VoxelSize(2, 2, 5)))) {
            // The reference marks a subset of the cells (classifier training points), so only recall means anything.
            int found12 = 0;
            for (double diameter : new double[] {DetectionSettings.DEFAULT_CELL_DIAMETER_UM, 12}) {
                Detection d = CellDetector.detect(v, DetectionSettings.defaults().withCellDiameterUm(diameter).withThreads(2), Progress.NONE);
                List<double[]> found = positions(d, v.voxelSizeUm());
                int within5 = CellMatching.match(reference, found, 5).matched;
                System.out.printf("cellfinder crop %s, cell diameter %s µm: %d cells detected (threshold %.1f); reference cells found within 5 µm: "
                        + "%d of 56 (within 10 µm: %d); %.1f Mvoxel/s%n", v, diameter, d.cells().size(), d.threshold(), within5,
                        CellMatching.match(reference, found, 10).matched, d.megavoxelsPerSecond());
                found12 = within5;
            }
            assertTrue(found12 >= 40, found12 + " of 56 reference cells within 5 µm at 12 µm cell diameter");
        }
    }
}
