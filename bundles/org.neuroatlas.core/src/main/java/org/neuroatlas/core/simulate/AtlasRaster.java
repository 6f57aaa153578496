package org.neuroatlas.core.simulate;

import java.util.Arrays;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * An atlas's labels, hemispheres and template held in memory in atlas space (x = AP, y = DV, z = LR), for the
 * per-voxel look-ups of rendering. Labels are stored as compact indices ({@link #labelId} maps back to structure
 * ids; index 0 is outside the brain) so that per-label tables are small arrays. Atlases up to 25 µm fit easily (77 M
 * voxels, 154 MB); finer ones are refused with advice, since a simulation gains nothing from them.
 */
final class AtlasRaster {

    private static final long MAX_VOXELS = 200_000_000L;

    private final short[] labels;
    /** Structure id per label index; index 0 is id 0 (outside). */
    private final int[] labelIds;
    /** Hemisphere per voxel (BrainGlobe values), or null for the midline split. */
    private final byte[] hemispheres;
    private final int[] dims;
    private final VoxelSize voxelUm;
    private final double inverseVoxelX;
    private final double inverseVoxelY;
    private final double inverseVoxelZ;
    /** Template normalised to its 99.5th percentile (so typical tissue is 0.2–1), or null without a template. */
    private final float[] template;
    private final int[] templateDims;
    private final VoxelSize templateVoxelUm;

    AtlasRaster(Atlas atlas) {
        Volume<?> a = atlas.annotation();
        this.dims = intDims(a);
        this.voxelUm = a.voxelSizeUm();
        this.inverseVoxelX = 1 / voxelUm.xUm();
        this.inverseVoxelY = 1 / voxelUm.yUm();
        this.inverseVoxelZ = 1 / voxelUm.zUm();
        int[] ids = new int[(int) a.numVoxels()];
        fill(a, ids);
        this.labelIds = distinctWithZero(ids);
        if (labelIds.length > Short.MAX_VALUE || labelIds[0] < 0) {
            throw InputException.parameter("--atlas", "the annotation has " + labelIds.length + " distinct labels (or negative ones)",
                    "Use an atlas annotation with non-negative labels and fewer than 32767 structures");
        }
        this.labels = new short[ids.length];
        int last = Integer.MIN_VALUE;
        short lastIndex = 0;
        for (int i = 0; i < ids.length; i++) {
            // Labels come in long runs: search only when the label changes.
            if (ids[i] != last) {
                last = ids[i];
                lastIndex = (short) Arrays.binarySearch(labelIds, last);
            }
            labels[i] = lastIndex;
        }
        Volume<?> h = atlas.storedHemispheres().map(v -> atlas.storedToAtlas().isIdentity() ? v : v.reorientedTo(Atlas.ORIENTATION)).orElse(null);
        if (h != null && Arrays.equals(intDims(h), dims)) {
            int[] hv = new int[ids.length];
            fill(h, hv);
            this.hemispheres = new byte[ids.length];
            for (int i = 0; i < hv.length; i++) {
                hemispheres[i] = (byte) hv[i];
            }
        } else {
            this.hemispheres = null;
        }
        Volume<?> t = atlas.template().orElse(null);
        if (t != null) {
            this.templateDims = intDims(t);
            this.templateVoxelUm = t.voxelSizeUm();
            float[] values = new float[(int) t.numVoxels()];
            fill(t, values);
            this.template = normalise(values);
        } else {
            this.templateDims = null;
            this.templateVoxelUm = null;
            this.template = null;
        }
    }

    /** The distinct values of {@code ids} and 0, sorted. */
    private static int[] distinctWithZero(int[] ids) {
        java.util.Set<Integer> seen = new java.util.TreeSet<>();
        seen.add(0);
        int last = 0;
        for (int id : ids) {
            if (id != last) {
                seen.add(id);
                last = id;
            }
        }
        return seen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static int[] intDims(Volume<?> v) {
        if (v.numVoxels() > MAX_VOXELS) {
            throw InputException.parameter("--resolution", v.name() + " has " + v.numVoxels() + " voxels at " + v.voxelSizeUm()
                    + " µm, too many to hold for simulation", "Simulate with the atlas at 25 µm or coarser");
        }
        return new int[] {(int) v.sizeX(), (int) v.sizeY(), (int) v.sizeZ()};
    }

    /** Copies the volume's voxels, x fastest, into {@code int[]} or {@code float[]} (non-finite values as 0). */
    private static void fill(Volume<?> v, Object out) {
        int plane = (int) (v.sizeX() * v.sizeY());
        try (PlaneStream s = new PlaneStream(v, 0, 0)) {
            while (s.hasNext()) {
                int z = (int) s.nextZ();
                Object p = s.next();
                for (int i = 0; i < plane; i++) {
                    double value = v.pixelType().get(p, i);
                    if (out instanceof int[] ints) {
                        ints[z * plane + i] = (int) (long) value;
                    } else {
                        ((float[]) out)[z * plane + i] = Double.isFinite(value) ? (float) value : 0;
                    }
                }
            }
        }
    }

    /** Divides by the 99.5th percentile of the positive values, so that bright tissue sits near 1. */
    private static float[] normalise(float[] values) {
        float[] positive = new float[values.length];
        int n = 0;
        for (float v : values) {
            if (v > 0) {
                positive[n++] = v;
            }
        }
        if (n == 0) {
            return null;
        }
        Arrays.sort(positive, 0, n);
        float scale = positive[Math.min(n - 1, (int) (0.995 * n))];
        for (int i = 0; i < values.length; i++) {
            values[i] = Math.max(0, values[i]) / scale;
        }
        return values;
    }

    /** Number of label indices, including 0 (outside). */
    int labelCount() {
        return labelIds.length;
    }

    /** Structure id of a label index (0 for index 0). */
    int labelId(int index) {
        return labelIds[index];
    }

    int[] dims() {
        return dims.clone();
    }

    VoxelSize voxelUm() {
        return voxelUm;
    }

    /** Label index of atlas voxel (x, y, z), which must be inside the grid. */
    int labelIndexAt(int x, int y, int z) {
        return labels[(z * dims[1] + y) * dims[0] + x];
    }

    /** Label index of the voxel nearest to atlas position (µm), 0 outside the atlas grid. */
    int labelIndex(double xUm, double yUm, double zUm) {
        // Called for every rendered voxel: multiply by reciprocals and truncate (valid once negatives are out).
        double fx = xUm * inverseVoxelX + 0.5;
        double fy = yUm * inverseVoxelY + 0.5;
        double fz = zUm * inverseVoxelZ + 0.5;
        if (!(fx >= 0 && fy >= 0 && fz >= 0 && fx < dims[0] && fy < dims[1] && fz < dims[2])) {
            return 0;
        }
        return labels[((int) fz * dims[1] + (int) fy) * dims[0] + (int) fx];
    }

    /** Hemisphere of atlas voxel (x, y, z): from the atlas's hemisphere volume if it has one, else the midline. */
    Hemisphere hemisphereAt(int x, int y, int z) {
        if (hemispheres != null) {
            Hemisphere h = Hemisphere.ofBrainGlobeValue(hemispheres[(z * dims[1] + y) * dims[0] + x]);
            if (h != null) {
                return h;
            }
        }
        return Hemisphere.ofMidline(z, dims[2]);
    }

    /** Hemisphere at atlas position (µm), from the nearest voxel (clamped to the grid). */
    Hemisphere hemisphere(double xUm, double yUm, double zUm) {
        return hemisphereAt(clamp(xUm / voxelUm.xUm(), dims[0]), clamp(yUm / voxelUm.yUm(), dims[1]), clamp(zUm / voxelUm.zUm(), dims[2]));
    }

    private static int clamp(double index, int size) {
        return (int) Math.min(size - 1, Math.max(0, Math.round(index)));
    }

    boolean hasTemplate() {
        return template != null;
    }

    /**
     * Tissue brightness at atlas position (µm), about 0–1: the normalised template (trilinear), or without a template
     * a flat texture per region (each structure its own grey level, from its id), 0 outside.
     */
    float tissue(double xUm, double yUm, double zUm) {
        if (template == null) {
            int label = labelIndex(xUm, yUm, zUm);
            return label == 0 ? 0 : (float) (0.35 + 0.5 * DeterministicRandom.uniform(0x7e47e11L, labelId(label), 0));
        }
        double fx = xUm / templateVoxelUm.xUm();
        double fy = yUm / templateVoxelUm.yUm();
        double fz = zUm / templateVoxelUm.zUm();
        if (!(fx >= 0 && fy >= 0 && fz >= 0 && fx <= templateDims[0] - 1 && fy <= templateDims[1] - 1 && fz <= templateDims[2] - 1)) {
            return 0;
        }
        int x0 = Math.min((int) fx, templateDims[0] - 2);
        int y0 = Math.min((int) fy, templateDims[1] - 2);
        int z0 = Math.min((int) fz, templateDims[2] - 2);
        double ax = fx - x0;
        double ay = fy - y0;
        double az = fz - z0;
        int sy = templateDims[0];
        int sz = templateDims[0] * templateDims[1];
        int i = z0 * sz + y0 * sy + x0;
        double c00 = template[i] * (1 - ax) + template[i + 1] * ax;
        double c10 = template[i + sy] * (1 - ax) + template[i + sy + 1] * ax;
        double c01 = template[i + sz] * (1 - ax) + template[i + sz + 1] * ax;
        double c11 = template[i + sz + sy] * (1 - ax) + template[i + sz + sy + 1] * ax;
        double c0 = c00 * (1 - ay) + c10 * ay;
        double c1 = c01 * (1 - ay) + c11 * ay;
        return (float) (c0 * (1 - az) + c1 * az);
    }
}
