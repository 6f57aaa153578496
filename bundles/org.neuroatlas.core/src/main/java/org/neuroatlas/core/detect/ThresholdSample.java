package org.neuroatlas.core.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Where an automatic threshold samples a volume: a grid of small blocks fixed by the volume's size alone (every
 * voxel of a small volume), so the noise estimate, and with it the output, does not depend on chunking or threads.
 * Used by the cell detector and the fibre segmentation.
 */
public final class ThresholdSample {

    /** Size of one sample block, voxels (x, y, z). */
    public static final int[] BLOCK = {32, 32, 16};
    /** Blocks per axis when the volume is larger than that many blocks. */
    public static final int BLOCKS_PER_AXIS = 4;

    private ThresholdSample() {
    }

    /**
     * The sample blocks of a volume of size {@code dims}: {x, y, z, sx, sy, sz} (first voxel and size, voxels), all
     * of one size, spread evenly over each axis, in z, y, x order.
     */
    public static List<long[]> blocks(long[] dims) {
        long[] bs = new long[3];
        List<List<Long>> starts = new ArrayList<>();
        for (int d = 0; d < 3; d++) {
            long n = dims[d];
            bs[d] = Math.min(BLOCK[d], n);
            long tiles = (n + bs[d] - 1) / bs[d];
            List<Long> s = new ArrayList<>();
            if (tiles <= BLOCKS_PER_AXIS) {
                for (long i = 0; i < tiles; i++) {
                    s.add(Math.min(i * bs[d], n - bs[d]));
                }
            } else {
                for (int i = 0; i < BLOCKS_PER_AXIS; i++) {
                    s.add((n - bs[d]) * (2L * i + 1) / (2L * BLOCKS_PER_AXIS));
                }
            }
            starts.add(s);
        }
        List<long[]> out = new ArrayList<>();
        for (long z : starts.get(2)) {
            for (long y : starts.get(1)) {
                for (long x : starts.get(0)) {
                    out.add(new long[] {x, y, z, bs[0], bs[1], bs[2]});
                }
            }
        }
        return out;
    }
}
