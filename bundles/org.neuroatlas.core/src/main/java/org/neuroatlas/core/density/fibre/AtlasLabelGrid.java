package org.neuroatlas.core.density.fibre;

import java.util.Arrays;

import org.neuroatlas.core.InputException;
import org.neuroatlas.core.atlas.Atlas;
import org.neuroatlas.core.atlas.Hemisphere;
import org.neuroatlas.core.volume.Volume;

import net.imglib2.Cursor;
import net.imglib2.type.numeric.RealType;
import net.imglib2.view.Views;

/**
 * An atlas annotation held in memory as compact label indices (index 0 = outside; {@link #labelId} maps back) with a
 * side per voxel, for per-voxel look-ups of the nearest atlas voxel — the rule {@code map} and the simulator use.
 * Two bytes per atlas voxel plus one for the side: 230 MB at 25 µm; finer annotations are refused with advice.
 */
final class AtlasLabelGrid {

    static final long MAX_VOXELS = 250_000_000L;
    static final byte LEFT = 0;
    static final byte RIGHT = 1;

    private final short[] labels;
    private final byte[] sides;
    private final int[] labelIds;
    final int[] dims = new int[3];
    private final double[] inverseVoxel = new double[3];

    AtlasLabelGrid(Atlas atlas) {
        Volume<?> a = atlas.annotation();
        long n = a.numVoxels();
        if (n > MAX_VOXELS) {
            throw InputException.parameter("--resolution", "the annotation has " + n + " voxels, too many to hold for per-voxel look-ups",
                    "Use the atlas at 25 µm or coarser (--resolution 25)");
        }
        for (int d = 0; d < 3; d++) {
            dims[d] = Math.toIntExact(a.dimensions()[d]);
            inverseVoxel[d] = 1 / a.voxelSizeUm().um(d);
        }
        int[] ids = new int[(int) n];
        fill(a, ids);
        int[] distinct = Arrays.stream(ids).distinct().sorted().toArray();
        int[] withZero = distinct.length > 0 && distinct[0] == 0 ? distinct : prependZero(distinct);
        if (withZero.length > Short.MAX_VALUE || withZero[0] < 0) {
            throw InputException.parameter("--atlas", "the annotation has " + withZero.length + " distinct labels (or negative ones)",
                    "Use an annotation with non-negative labels and fewer than 32767 structures");
        }
        this.labelIds = withZero;
        labels = new short[ids.length];
        int last = Integer.MIN_VALUE;
        short index = 0;
        for (int i = 0; i < ids.length; i++) {
            if (ids[i] != last) { // labels come in runs: search only when the label changes
                last = ids[i];
                index = (short) Arrays.binarySearch(withZero, last);
            }
            labels[i] = index;
        }
        sides = new byte[ids.length];
        Volume<?> h = atlas.storedHemispheres().map(v -> atlas.storedToAtlas().isIdentity() ? v : v.reorientedTo(Atlas.ORIENTATION)).orElse(null);
        int[] hv = null;
        if (h != null && Arrays.equals(h.dimensions(), a.dimensions())) {
            hv = new int[ids.length];
            fill(h, hv);
        }
        int plane = dims[0] * dims[1];
        for (int i = 0; i < ids.length; i++) {
            Hemisphere side = hv == null ? null : Hemisphere.ofBrainGlobeValue(hv[i]);
            if (side == null) { // as CellMapper: voxels the hemisphere volume leaves out fall back to the midline split
                side = Hemisphere.ofMidline(i / plane, dims[2]);
            }
            sides[i] = side == Hemisphere.LEFT ? LEFT : RIGHT;
        }
    }

    private static int[] prependZero(int[] a) {
        int[] out = new int[a.length + 1];
        System.arraycopy(a, 0, out, 1, a.length);
        return out;
    }

    private static void fill(Volume<?> v, int[] out) {
        Cursor<? extends RealType<?>> c = Views.flatIterable(v.voxels()).cursor();
        int i = 0;
        while (c.hasNext()) {
            out[i++] = (int) (long) c.next().getRealDouble();
        }
    }

    /** Number of label indices (including 0, outside). */
    int labelCount() {
        return labelIds.length;
    }

    /** Structure id of a label index. */
    int labelId(int index) {
        return labelIds[index];
    }

    /** Voxel index of the atlas voxel nearest to an atlas position (µm), or -1 beyond the grid. */
    int voxelAt(double xUm, double yUm, double zUm) {
        double fx = xUm * inverseVoxel[0] + 0.5;
        double fy = yUm * inverseVoxel[1] + 0.5;
        double fz = zUm * inverseVoxel[2] + 0.5;
        if (!(fx >= 0 && fy >= 0 && fz >= 0 && fx < dims[0] && fy < dims[1] && fz < dims[2])) {
            return -1;
        }
        return ((int) fz * dims[1] + (int) fy) * dims[0] + (int) fx;
    }

    int label(int voxel) {
        return labels[voxel];
    }

    byte side(int voxel) {
        return sides[voxel];
    }
}
