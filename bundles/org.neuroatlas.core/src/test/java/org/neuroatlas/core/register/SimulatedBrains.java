package org.neuroatlas.core.register;

import java.io.IOException;
import java.nio.file.Path;
import java.util.OptionalDouble;
import java.util.function.Consumer;

import net.imglib2.Cursor;
import net.imglib2.RandomAccessibleInterval;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.simulate.CohortSimulator;
import org.neuroatlas.core.simulate.Scenario;
import org.neuroatlas.core.simulate.SimulationSettings;
import org.neuroatlas.core.volume.Orientation;
import org.neuroatlas.core.volume.VoxelSize;

/** Whole simulated demo-atlas brains for the registration tests, and distances of a transform from the true one. */
final class SimulatedBrains {

    private SimulatedBrains() {
    }

    /** A saline brain of the demo atlas imaged whole at 50 µm, no cells or fibres, in {@code folder}; its folder. */
    static Path wholeBrain(Path folder, long seed, String orientation) throws IOException {
        return wholeBrain(folder, seed, orientation, false);
    }

    /**
     * As {@link #wholeBrain(Path, long, String)}, with the scenario's cells ({@code cells.csv}, their true atlas
     * positions and regions) if {@code cells}; the autofluorescence channel is the same either way.
     */
    static Path wholeBrain(Path folder, long seed, String orientation, boolean cells) throws IOException {
        SimulationSettings s = new SimulationSettings("demo", OptionalDouble.empty(), "ketamine", 1, new VoxelSize(50, 50, 50),
                Orientation.parse(orientation, "o"), seed, "", cells ? 1 : 0, false, 2);
        CohortSimulator.Cohort c = CohortSimulator.run(s, Scenario.load("ketamine").controlOnly(), folder, Progress.NONE);
        return c.folder().resolve(c.brains().get(0).sampleId());
    }

    /** Mean and max distance between {@code estimate} and {@code truth} (atlas → sample) over every atlas-brain voxel, µm. */
    static double[] error(Atlas atlas, AtlasTransform estimate, AtlasTransform truth) {
        double[] sumMaxN = new double[3];
        double[] e = new double[3], t = new double[3];
        forEachBrainVoxelUm(atlas, xa -> {
            estimate.atlasToSample(xa, e);
            truth.atlasToSample(xa, t);
            double dist = Math.sqrt((e[0] - t[0]) * (e[0] - t[0]) + (e[1] - t[1]) * (e[1] - t[1]) + (e[2] - t[2]) * (e[2] - t[2]));
            sumMaxN[0] += dist;
            sumMaxN[1] = Math.max(sumMaxN[1], dist);
            sumMaxN[2]++;
        });
        return new double[] {sumMaxN[0] / sumMaxN[2], sumMaxN[1]};
    }

    /**
     * How far cells land from their true atlas positions: every atlas-brain voxel centre is carried into the sample by
     * {@code truth} (where a cell there would be imaged) and back by {@code estimate}'s sample → atlas map (as
     * {@code map} carries a detected cell). Median, mean and max of the distances to the start, atlas µm.
     */
    static double[] mappedError(Atlas atlas, AtlasTransform estimate, AtlasTransform truth) {
        java.util.List<Double> d = new java.util.ArrayList<>();
        double[] xs = new double[3], back = new double[3];
        forEachBrainVoxelUm(atlas, xa -> {
            truth.atlasToSample(xa, xs);
            estimate.sampleToAtlas(xs, back);
            d.add(Math.sqrt((back[0] - xa[0]) * (back[0] - xa[0]) + (back[1] - xa[1]) * (back[1] - xa[1])
                    + (back[2] - xa[2]) * (back[2] - xa[2])));
        });
        double[] sorted = d.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int n = sorted.length;
        double median = n % 2 == 1 ? sorted[n / 2] : 0.5 * (sorted[n / 2 - 1] + sorted[n / 2]);
        return new double[] {median, java.util.Arrays.stream(sorted).average().orElse(Double.NaN), sorted[n - 1]};
    }

    /** Calls {@code f} with the atlas µm position of every atlas-brain voxel (annotation > 0), in raster order. */
    static void forEachBrainVoxelUm(Atlas atlas, Consumer<double[]> f) {
        double[] xa = new double[3];
        VoxelSize v = atlas.voxelSizeUm();
        Cursor<? extends RealType<?>> c = cursor(atlas.annotation().voxels());
        while (c.hasNext()) {
            if (c.next().getRealDouble() <= 0) {
                continue;
            }
            for (int d = 0; d < 3; d++) {
                xa[d] = c.getDoublePosition(d) * v.um(d);
            }
            f.accept(xa);
        }
    }

    private static <T extends RealType<T>> Cursor<T> cursor(RandomAccessibleInterval<T> img) {
        return Views.flatIterable(img).localizingCursor();
    }
}
