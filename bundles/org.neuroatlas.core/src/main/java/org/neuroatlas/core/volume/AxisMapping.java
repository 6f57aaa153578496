package org.neuroatlas.core.volume;

import java.util.Arrays;

import net.imglib2.RandomAccessibleInterval;
import net.imglib2.view.Views;

/**
 * A reorientation: target dimension {@code t} takes source dimension {@code sourceDim[t]}, reversed if
 * {@code flip[t]}. Applies to volumes (as a view, no copy), to sizes and voxel sizes, and to voxel coordinates.
 */
public final class AxisMapping {

    private final int[] sourceDim;
    private final boolean[] flip;

    AxisMapping(int[] sourceDim, boolean[] flip) {
        this.sourceDim = sourceDim.clone();
        this.flip = flip.clone();
    }

    /** True if this mapping changes nothing. */
    public boolean isIdentity() {
        for (int t = 0; t < 3; t++) {
            if (sourceDim[t] != t || flip[t]) {
                return false;
            }
        }
        return true;
    }

    /** Source dimension that feeds target dimension {@code t}. */
    public int sourceDimension(int t) {
        return sourceDim[t];
    }

    /** True if target dimension {@code t} runs opposite to its source dimension. */
    public boolean flips(int t) {
        return flip[t];
    }

    /** The reoriented view of {@code source}, with its minimum at the origin. */
    public <T> RandomAccessibleInterval<T> apply(RandomAccessibleInterval<T> source) {
        RandomAccessibleInterval<T> v = Views.zeroMin(source);
        for (int t = 0; t < 3; t++) {
            if (flip[t]) {
                v = Views.zeroMin(Views.invertAxis(v, sourceDim[t]));
            }
        }
        // Bring source dimensions into target order by swaps; cur[i] is the source dimension now at position i.
        int[] cur = {0, 1, 2};
        for (int t = 0; t < 3; t++) {
            int p = indexOf(cur, sourceDim[t]);
            if (p != t) {
                v = Views.permute(v, p, t);
                int tmp = cur[p];
                cur[p] = cur[t];
                cur[t] = tmp;
            }
        }
        return v;
    }

    /** Target sizes for source sizes {@code dims} (x, y, z). */
    public long[] mapDimensions(long[] dims) {
        long[] out = new long[3];
        for (int t = 0; t < 3; t++) {
            out[t] = dims[sourceDim[t]];
        }
        return out;
    }

    /** Target voxel size for a source voxel size. */
    public VoxelSize mapVoxelSize(VoxelSize v) {
        return new VoxelSize(v.um(sourceDim[0]), v.um(sourceDim[1]), v.um(sourceDim[2]));
    }

    /**
     * Target voxel coordinates of a source voxel coordinate (continuous, voxel centres at integers).
     *
     * @param sourceDims source sizes, needed for the flipped axes
     */
    public double[] mapPosition(double[] source, long[] sourceDims) {
        double[] out = new double[3];
        for (int t = 0; t < 3; t++) {
            int s = sourceDim[t];
            out[t] = flip[t] ? sourceDims[s] - 1 - source[s] : source[s];
        }
        return out;
    }

    /** The mapping that undoes this one. */
    public AxisMapping inverse() {
        int[] inv = new int[3];
        boolean[] invFlip = new boolean[3];
        for (int t = 0; t < 3; t++) {
            inv[sourceDim[t]] = t;
            invFlip[sourceDim[t]] = flip[t];
        }
        return new AxisMapping(inv, invFlip);
    }

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) {
                return i;
            }
        }
        throw new IllegalStateException();
    }

    @Override
    public String toString() {
        return "AxisMapping" + Arrays.toString(sourceDim) + Arrays.toString(flip);
    }
}
