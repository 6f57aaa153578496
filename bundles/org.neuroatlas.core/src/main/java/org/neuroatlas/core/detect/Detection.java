package org.neuroatlas.core.detect;

import java.util.List;

/**
 * What {@link CellDetector#detect} found.
 *
 * @param cells           detected cells, ordered by seed voxel z, y, x
 * @param voxelsProcessed voxels of the volume (each counted once, halos not counted)
 * @param seconds         wall-clock time of the detection
 * @param threshold       threshold used on the enhanced image (enhanced-image units), automatic or given
 * @param noiseMedian     median of the enhanced image over the fixed subsample
 * @param noiseMad        median absolute deviation of the enhanced image over the same subsample (unscaled)
 * @param chunkVoxels     chunk size used, x, y, z voxels (the default shrinks to fit the heap; clamped to the volume)
 * @param workers         chunks processed in parallel (fewer than asked when the heap holds fewer)
 */
public record Detection(List<DetectedCell> cells, long voxelsProcessed, double seconds, double threshold, double noiseMedian, double noiseMad,
        int[] chunkVoxels, int workers) {

    public Detection {
        cells = List.copyOf(cells);
        chunkVoxels = chunkVoxels.clone();
    }

    @Override
    public int[] chunkVoxels() {
        return chunkVoxels.clone();
    }

    /** Throughput in millions of voxels per second. */
    public double megavoxelsPerSecond() {
        return seconds > 0 ? voxelsProcessed / seconds / 1e6 : Double.POSITIVE_INFINITY;
    }
}
