package org.neuroatlas.core.simulate;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.volume.PlaneStream;
import org.neuroatlas.core.volume.Volume;
import org.neuroatlas.core.volume.VoxelSize;

/**
 * An atlas's labels (and template, if any) held in memory in atlas space, for the per-voxel look-ups of rendering:
 * nearest-voxel labels, trilinear template values, at atlas positions in µm. Atlases up to 25 µm fit easily (77 M
 * labels, 308 MB); finer ones are refused with advice, since a simulation gains nothing from them.
 */
final class AtlasRaster {

    private static final long MAX_VOXELS = 200_000_000L;

    final int[] labels;
    final long[] dims;
    final VoxelSize voxelUm;
    final float[] template;
    final long[] templateDims;
    final VoxelSize templateVoxelUm;

    AtlasRaster(Atlas atlas) {
        Volume<?> a = atlas.annotation();
        this.dims = a.dimensions();
        this.voxelUm = a.voxelSizeUm();
        if (dims[0] * dims[1] * dims[2] > MAX_VOXELS) {
            throw InputException.parameter("--atlas-resolution", "the atlas annotation has " + dims[0] * dims[1] * dims[2] + " voxels at "
                    + voxelUm + " µm, too many to hold for simulation", "Simulate with the atlas at 25 µm or coarser");
        }
        this.labels = new int[(int) (dims[0] * dims[1] * dims[2])];
        fill(a, labels);
        Volume<?> t = atlas.template().orElse(null);
        if (t != null) {
            this.templateDims = t.dimensions();
            this.templateVoxelUm = t.voxelSizeUm();
            this.template = new float[(int) (templateDims[0] * templateDims[1] * templateDims[2])];
            fill(t, template);
        } else {
            this.templateDims = null;
            this.templateVoxelUm = null;
            this.template = null;
        }
    }

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
                        ((float[]) out)[z * plane + i] = (float) value;
                    }
                }
            }
        }
    }

    /** The label at atlas position (µm), 0 outside the atlas grid. */
    int label(double xUm, double yUm, double zUm) {
        long x = Math.round(xUm / voxelUm.xUm());
        long y = Math.round(yUm / voxelUm.yUm());
        long z = Math.round(zUm / voxelUm.zUm());
        if (x < 0 || y < 0 || z < 0 || x >= dims[0] || y >= dims[1] || z >= dims[2]) {
            return 0;
        }
        return labels[(int) ((z * dims[1] + y) * dims[0] + x)];
    }

    boolean hasTemplate() {
        return template != null;
    }

    /** The template at atlas position (µm), trilinear, 0 outside. */
    float template(double xUm, double yUm, double zUm) {
        double fx = xUm / templateVoxelUm.xUm();
        double fy = yUm / templateVoxelUm.yUm();
        double fz = zUm / templateVoxelUm.zUm();
        if (fx < 0 || fy < 0 || fz < 0 || fx > templateDims[0] - 1 || fy > templateDims[1] - 1 || fz > templateDims[2] - 1) {
            return 0;
        }
        int x0 = (int) Math.min(fx, templateDims[0] - 2);
        int y0 = (int) Math.min(fy, templateDims[1] - 2);
        int z0 = (int) Math.min(fz, templateDims[2] - 2);
        double ax = fx - x0;
        double ay = fy - y0;
        double az = fz - z0;
        int sx = 1;
        int sy = (int) templateDims[0];
        int sz = (int) (templateDims[0] * templateDims[1]);
        int i = z0 * sz + y0 * sy + x0;
        double c00 = template[i] * (1 - ax) + template[i + sx] * ax;
        double c10 = template[i + sy] * (1 - ax) + template[i + sy + sx] * ax;
        double c01 = template[i + sz] * (1 - ax) + template[i + sz + sx] * ax;
        double c11 = template[i + sz + sy] * (1 - ax) + template[i + sz + sy + sx] * ax;
        double c0 = c00 * (1 - ay) + c10 * ay;
        double c1 = c01 * (1 - ay) + c11 * ay;
        return (float) (c0 * (1 - az) + c1 * az);
    }

    /** Physical extent of the annotation grid in atlas µm along axis d (first to last voxel centre). */
    double extentUm(int d) {
        return (dims[d] - 1) * voxelUm.um(d);
    }
}
