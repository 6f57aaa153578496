package org.neuroatlas.core.detect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The default chunk shrinks, longest side first, until one worker fits, and until every thread has a chunk; it stops at its floor. */
class ChunkFitTest {

    /** Bytes of a chunk with a 20-voxel halo on every side, 23 bytes per voxel. */
    static long bytes(int[] c) {
        return 23L * (c[0] + 40) * (c[1] + 40) * (c[2] + 40);
    }

    @Test
    void theDefaultChunkHalvesItsLongestSideUntilOneWorkerFits() {
        int[] c = {256, 256, 256};
        CellDetector.Plan.shrinkToFit(c, ChunkFitTest::bytes, bytes(new int[] {256, 256, 256}));
        assertArrayEquals(new int[] {256, 256, 256}, c, "fits: unchanged");
        // 1 GB heap × 60 %: 256³ (about 600 MB) does not fit, 256 × 256 × 128 does
        CellDetector.Plan.shrinkToFit(c, ChunkFitTest::bytes, 400L << 20);
        assertArrayEquals(new int[] {256, 256, 128}, c);
        CellDetector.Plan.shrinkToFit(c, ChunkFitTest::bytes, 100L << 20);
        assertArrayEquals(new int[] {128, 128, 64}, c, "then the longest side, the last of equal ones");
        CellDetector.Plan.shrinkToFit(c, ChunkFitTest::bytes, 1);
        assertArrayEquals(new int[] {32, 32, 32}, c, "never below the floor; the caller then refuses with a clear message");
    }

    @Test
    void aSmallVolumeIsCutIntoAChunkPerThread() {
        int[] c = {150, 150, 150}; // the default clamped to a small volume: one chunk
        long[] dims = {150, 150, 150};
        java.util.function.ToLongFunction<int[]> fewerThanTwo = k -> {
            long n = 1;
            for (int d = 0; d < 3; d++) {
                n *= (dims[d] + k[d] - 1) / k[d];
            }
            return n >= 2 ? 0 : 1;
        };
        CellDetector.Plan.shrinkToFit(c, fewerThanTwo, 0);
        assertArrayEquals(new int[] {150, 150, 75}, c);
    }
}
