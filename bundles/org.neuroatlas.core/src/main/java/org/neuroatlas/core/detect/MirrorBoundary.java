package org.neuroatlas.core.detect;

/**
 * The volume edge rule of every filter: indices beyond the volume are reflected about its first and last voxel
 * (scipy's "mirror": …, 2, 1, 0, 1, 2, …), so a filter's response at the edge is that of the image continued
 * smoothly, and a chunk at the edge sees the same padding whatever the chunk size.
 */
public final class MirrorBoundary {

    private MirrorBoundary() {
    }

    /** Index {@code g} reflected into [0, n) about the first and last voxel (any distance outside). */
    public static long index(long g, long n) {
        if (g >= 0 && g < n) {
            return g;
        }
        if (n == 1) {
            return 0;
        }
        long period = 2 * (n - 1);
        long j = Math.floorMod(g, period);
        return j >= n ? period - j : j;
    }
}
