package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroatlas.core.Progress;
import org.neuroatlas.core.io.CsvTable;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.ReadOptions;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.Volumes;
import org.neuroatlas.core.volume.VoxelSize;

/** Detection on a simulated crop around the demo atlas's right SNc / VTA, scored against the true cells. */
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
        return d.cells().stream().map(c -> new double[] {c.xVox() * v.xUm(), c.yVox() * v.yUm(), c.zVox() * v.zUm()}).toList();
    }

    @Test
    void analyseMisses() {
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
            List<double[]> truth = truth(brain);
            CsvTable t = CsvTable.read(brain.resolve("cells.csv"));
            DetectionSettings s = DetectionSettings.defaults().withThreshold(Threshold.auto(8)).withThreads(2);
            Detection d = CellDetector.detect(signal, s, Progress.NONE);
            List<double[]> pos = positions(d, signal.voxelSizeUm());
            CellMatching m = CellMatching.match(truth, pos, 7.5);
            long[] dims = signal.dimensions();
            StringBuilder sb = new StringBuilder();
            int shown = 0;
            for (int i = 0; i < truth.size(); i++) {
                if (m.truthMatched[i]) continue;
                double[] a = truth.get(i);
                double nn = 1e9;
                for (int j = 0; j < truth.size(); j++) if (j != i) nn = Math.min(nn, dist(a, truth.get(j)));
                double nd = 1e9;
                for (double[] b : pos) nd = Math.min(nd, dist(a, b));
                double edge = 1e9;
                for (int k = 0; k < 3; k++) edge = Math.min(edge, Math.min(a[k], (dims[k] - 1) * 5 - a[k]));
                if (shown++ < 60) sb.append(String.format("miss nn %.1f nearestDet %.1f edge %.1f diam %s bright %s%n", nn, nd, edge, t.get(i, "diameter_um"), t.get(i, "brightness")));
            }
            shown = 0;
            for (int j = 0; j < pos.size(); j++) {
                if (m.detectedMatched[j]) continue;
                DetectedCell c = d.cells().get(j);
                double nt = 1e9;
                for (double[] a : truth) nt = Math.min(nt, dist(a, pos.get(j)));
                if (shown++ < 40) sb.append(String.format("fp nearestTrue %.1f %s%n", nt, c));
            }
            System.out.println(sb);
        }
    }

    static boolean inside(double[] a, long[] dims, double margin) {
        for (int k = 0; k < 3; k++) {
            if (a[k] < margin || a[k] > (dims[k] - 1) * 5 - margin) return false;
        }
        return true;
    }

    static double dist(double[] a, double[] b) {
        return Math.sqrt((a[0] - b[0]) * (a[0] - b[0]) + (a[1] - b[1]) * (a[1] - b[1]) + (a[2] - b[2]) * (a[2] - b[2]));
    }

    @Test
    void findsTheSimulatedCells() {
        try (Volume<?> signal = Volumes.open(brain.resolve("signal"), ReadOptions.defaults())) {
            List<double[]> truth = truth(brain);
            long[] dims = signal.dimensions();
            double margin = 10;
            for (String f : new String[] {"0.25", "0.35", "0.456"}) {
              for (String ratio : new String[] {"1.6", "2.5"}) {
               System.setProperty("detect.f", f);
               System.setProperty("detect.ratio", ratio);
               for (double k : new double[] {5, 8}) {
                DetectionSettings s = DetectionSettings.defaults().withThreshold(Threshold.auto(k)).withThreads(2);
                Detection d = CellDetector.detect(signal, s, Progress.NONE);
                List<double[]> pos = positions(d, signal.voxelSizeUm());
                CellMatching m = CellMatching.match(truth, pos, 7.5);
                List<double[]> ti = truth.stream().filter(a -> inside(a, dims, margin)).toList();
                List<double[]> di = pos.stream().filter(a -> inside(a, dims, margin)).toList();
                CellMatching mi = CellMatching.match(ti, di, 7.5);
                System.out.printf("f=%s ratio=%s k=%s threshold %.2f (median %.2f mad %.2f) %s; %.1f Mvoxel/s%n   interior %s%n", f, ratio, k, d.threshold(), d.noiseMedian(), d.noiseMad(), m,
                        d.megavoxelsPerSecond(), mi);
               }
              }
            }
        }
    }
}
