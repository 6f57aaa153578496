package org.neuroatlas.core.detect;

/**
 * One detected cell body. Positions are voxel indices (x = column, y = row, z = plane; voxel centres at integer
 * indices); multiply by the voxel size for µm.
 *
 * @param seedX      column of the seed voxel (the accepted local maximum of the enhanced image)
 * @param seedY      row of the seed voxel
 * @param seedZ      plane of the seed voxel
 * @param xVox       sub-voxel centre: enhanced-image-weighted centroid of the cell's voxels, columns
 * @param yVox       centroid, rows
 * @param zVox       centroid, planes
 * @param peak       brightest input intensity among the cell's voxels (input units)
 * @param mean       mean input intensity over the cell's voxels (input units)
 * @param background local background at the seed: the input smoothed at a scale larger than cells (input units)
 * @param volumeVox  number of voxels in the cell's segment
 * @param score      enhanced (band-passed) value at the seed, the quantity the threshold applies to
 */
public record DetectedCell(long seedX, long seedY, long seedZ, double xVox, double yVox, double zVox, double peak, double mean, double background,
        long volumeVox, double score) {
}
