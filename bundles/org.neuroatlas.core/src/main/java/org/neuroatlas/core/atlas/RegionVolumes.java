package org.neuroatlas.core.atlas;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.neuroatlas.core.Progress;
import org.neuroatlas.core.volume.AxisMapping;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.Volume;

/**
 * Volume of every structure of an atlas in mm³, per hemisphere: its own voxels (labelled with its id) and with all
 * its descendants. Measured in one streaming pass over the annotation as stored, so any resolution works in memory
 * bounded by a few planes.
 */
public final class RegionVolumes {

    private final Ontology ontology;
    private final double voxelMm3;
    private final Map<Integer, long[]> ownVoxels; // id → {left, right}
    private final Map<Integer, Double> rolledLeft;
    private final Map<Integer, Double> rolledRight;

    private RegionVolumes(Ontology ontology, double voxelMm3, Map<Integer, long[]> ownVoxels) {
        this.ontology = ontology;
        this.voxelMm3 = voxelMm3;
        this.ownVoxels = ownVoxels;
        Map<Integer, Double> left = new HashMap<>();
        Map<Integer, Double> right = new HashMap<>();
        ownVoxels.forEach((id, lr) -> {
            if (ontology.contains(id)) {
                left.put(id, (double) lr[0]);
                right.put(id, (double) lr[1]);
            }
        });
        this.rolledLeft = ontology.rollUp(left);
        this.rolledRight = ontology.rollUp(right);
    }

    /** Counts the labels of {@code atlas} per hemisphere. */
    public static RegionVolumes measure(Atlas atlas, Progress progress) {
        Volume<?> labels = atlas.storedAnnotation();
        Volume<?> hemis = atlas.storedHemispheres().orElse(null);
        AxisMapping toAtlas = atlas.storedToAtlas();
        long[] dims = labels.dimensions();
        // Which stored axis is LR in atlas space, and whether it runs backwards: for the midline split.
        int lrAxis = toAtlas.sourceDimension(2);
        boolean lrFlipped = toAtlas.flips(2);
        long lrSize = dims[lrAxis];
        int nx = (int) dims[0];
        int ny = (int) dims[1];
        Map<Integer, long[]> counts = new HashMap<>();
        try (PlaneStream planes = new PlaneStream(labels, 2, 1); PlaneStream hemiPlanes = hemis == null ? null : new PlaneStream(hemis, 2, 1)) {
            long[] last = null;
            int lastLabel = Integer.MIN_VALUE;
            while (planes.hasNext()) {
                progress.checkCanceled();
                long z = planes.nextZ();
                Object plane = planes.next();
                Object hemiPlane = hemiPlanes == null ? null : hemiPlanes.next();
                for (int y = 0; y < ny; y++) {
                    for (int x = 0; x < nx; x++) {
                        int i = y * nx + x;
                        int label = (int) (long) labels.pixelType().get(plane, i);
                        if (label == 0) {
                            continue;
                        }
                        int side;
                        if (hemiPlane != null) {
                            Hemisphere h = Hemisphere.ofBrainGlobeValue((int) hemis.pixelType().get(hemiPlane, i));
                            side = h == null ? -1 : h == Hemisphere.LEFT ? 0 : 1;
                        } else {
                            long c = lrAxis == 0 ? x : lrAxis == 1 ? y : z;
                            long lr = lrFlipped ? lrSize - 1 - c : c;
                            side = Hemisphere.ofMidline(lr, lrSize) == Hemisphere.LEFT ? 0 : 1;
                        }
                        if (side < 0) {
                            continue; // labelled but outside both hemispheres in the hemisphere volume: not countable per side
                        }
                        if (label != lastLabel) {
                            last = counts.computeIfAbsent(label, k -> new long[2]);
                            lastLabel = label;
                        }
                        last[side]++;
                    }
                }
                progress.report((z + 1.0) / dims[2], null);
            }
        }
        return new RegionVolumes(atlas.ontology(), labels.voxelSizeUm().voxelVolumeMm3(), counts);
    }

    /** Labels found in the annotation (non-zero). */
    public Set<Integer> labels() {
        return new TreeSet<>(ownVoxels.keySet());
    }

    /** Labels found in the annotation that the ontology does not know. */
    public Set<Integer> unknownLabels() {
        Set<Integer> out = new TreeSet<>();
        for (int id : ownVoxels.keySet()) {
            if (!ontology.contains(id)) {
                out.add(id);
            }
        }
        return out;
    }

    /** Volume of the voxels labelled exactly {@code id}, mm³; {@code side} null = both hemispheres. */
    public double ownMm3(int id, Hemisphere side) {
        long[] lr = ownVoxels.get(id);
        if (lr == null) {
            return 0;
        }
        return voxelMm3 * (side == null ? lr[0] + lr[1] : side == Hemisphere.LEFT ? lr[0] : lr[1]);
    }

    /** Volume of {@code id} with all its descendants, mm³; {@code side} null = both hemispheres. */
    public double totalMm3(int id, Hemisphere side) {
        double l = rolledLeft.getOrDefault(id, 0.0);
        double r = rolledRight.getOrDefault(id, 0.0);
        return voxelMm3 * (side == null ? l + r : side == Hemisphere.LEFT ? l : r);
    }

    /** Volume of one voxel, mm³. */
    public double voxelMm3() {
        return voxelMm3;
    }
}
