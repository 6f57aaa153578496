package org.neuroatlas.core.detect;

import java.util.Arrays;

import org.neuroatlas.core.InputException;

/**
 * Everything that determines a detection. Lengths are in µm and converted to voxels with the volume's voxel size,
 * so the same settings suit any resolution. Parameter names in errors are the CLI's. {@code threads} and
 * {@code chunkVoxels} change speed and memory only, never the result.
 *
 * @param cellDiameterUm        typical soma diameter, µm (sets every filter scale; see the package description)
 * @param threshold             threshold on the enhanced image, automatic ({@code auto:k}) or absolute
 * @param minSeparationUm       two maxima closer than this (µm, physical distance) keep only the higher; NaN means
 *                              half the cell diameter
 * @param minVolumeUm3          cells whose segment is smaller (voxels × voxel volume, µm³) are dropped; 0 keeps all
 * @param maxVolumeUm3          cells whose segment is larger are dropped; infinity keeps all
 * @param minPeakAboveBackground cells whose brightest voxel is less than this above the local background (input
 *                              units) are dropped; 0 keeps all
 * @param segmentationFraction  a cell's segment holds voxels whose enhanced value is at least this fraction of the
 *                              seed's (0 &lt; f &lt; 1)
 * @param threads               chunks processed in parallel (≥ 1)
 * @param chunkVoxels           core size of a chunk along x, y, z in voxels; memory is about 23 bytes (uint16 input)
 *                              × (chunk + 2 × halo) voxels per thread, about 650 MB at the default 256 × 256 × 256
 *                              with 15 µm cells at 5 µm voxels; fewer threads run if that does not fit in 60 % of
 *                              the heap, and the default chunk shrinks (halving its longest side) if one does not
 */
public record DetectionSettings(double cellDiameterUm, Threshold threshold, double minSeparationUm, double minVolumeUm3, double maxVolumeUm3,
        double minPeakAboveBackground, double segmentationFraction, int threads, int[] chunkVoxels) {

    public static final double DEFAULT_CELL_DIAMETER_UM = 15;
    public static final double DEFAULT_SEGMENTATION_FRACTION = 0.3;
    public static final int[] DEFAULT_CHUNK_VOXELS = {256, 256, 256};

    public DetectionSettings {
        if (!(cellDiameterUm >= 1 && cellDiameterUm <= 500)) {
            throw InputException.parameter("--cell-diameter-um", "must be between 1 and 500 µm, not " + cellDiameterUm,
                    "Give the typical soma diameter, e.g. " + (int) DEFAULT_CELL_DIAMETER_UM);
        }
        if (threshold == null) {
            throw InputException.parameter("--threshold", "is missing", "Give auto, auto:K or an absolute value");
        }
        if (!Double.isNaN(minSeparationUm) && !(minSeparationUm >= 0 && minSeparationUm <= 10 * cellDiameterUm)) {
            throw InputException.parameter("--min-separation-um", "must be between 0 and 10 cell diameters, not " + minSeparationUm,
                    "Leave it unset for half the cell diameter");
        }
        if (!(minVolumeUm3 >= 0) || Double.isInfinite(minVolumeUm3)) {
            throw InputException.parameter("--min-volume-um3", "must be a finite number ≥ 0, not " + minVolumeUm3, "0 keeps all cells");
        }
        if (!(maxVolumeUm3 > minVolumeUm3)) {
            throw InputException.parameter("--max-volume-um3", "must be larger than --min-volume-um3 (" + minVolumeUm3 + "), not " + maxVolumeUm3,
                    "Infinity keeps all cells");
        }
        if (!(minPeakAboveBackground >= 0) || Double.isInfinite(minPeakAboveBackground)) {
            throw InputException.parameter("--min-peak-above-background", "must be a finite number ≥ 0, not " + minPeakAboveBackground,
                    "0 keeps all cells");
        }
        if (!(segmentationFraction > 0 && segmentationFraction < 1)) {
            throw InputException.parameter("--segmentation-fraction", "must be between 0 and 1 (exclusive), not " + segmentationFraction,
                    "e.g. " + DEFAULT_SEGMENTATION_FRACTION);
        }
        if (threads < 1 || threads > 1024) {
            throw InputException.parameter("--threads", "must be between 1 and 1024, not " + threads, null);
        }
        if (chunkVoxels == null || chunkVoxels.length != 3 || Arrays.stream(chunkVoxels).anyMatch(c -> c < 4 || c > 4096)) {
            throw InputException.parameter("--chunk-voxels", "must be three sizes X,Y,Z between 4 and 4096 voxels, not "
                    + (chunkVoxels == null ? "missing" : Arrays.toString(chunkVoxels)), "e.g. 128,128,64");
        }
        chunkVoxels = chunkVoxels.clone();
    }

    /** Defaults: 15 µm cells, auto threshold, separation half a diameter, no size or intensity filter, all cores. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_CELL_DIAMETER_UM, Threshold.auto(Threshold.DEFAULT_K), Double.NaN, 0, Double.POSITIVE_INFINITY, 0,
                DEFAULT_SEGMENTATION_FRACTION, Runtime.getRuntime().availableProcessors(), DEFAULT_CHUNK_VOXELS);
    }

    /** Separation actually used, µm. */
    public double separationUm() {
        return Double.isNaN(minSeparationUm) ? cellDiameterUm / 2 : minSeparationUm;
    }

    @Override
    public int[] chunkVoxels() {
        return chunkVoxels.clone();
    }

    public DetectionSettings withCellDiameterUm(double d) {
        return new DetectionSettings(d, threshold, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction, threads,
                chunkVoxels);
    }

    public DetectionSettings withThreshold(Threshold t) {
        return new DetectionSettings(cellDiameterUm, t, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction, threads,
                chunkVoxels);
    }

    public DetectionSettings withMinSeparationUm(double s) {
        return new DetectionSettings(cellDiameterUm, threshold, s, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction, threads,
                chunkVoxels);
    }

    public DetectionSettings withVolumeRangeUm3(double min, double max) {
        return new DetectionSettings(cellDiameterUm, threshold, minSeparationUm, min, max, minPeakAboveBackground, segmentationFraction, threads,
                chunkVoxels);
    }

    public DetectionSettings withMinPeakAboveBackground(double v) {
        return new DetectionSettings(cellDiameterUm, threshold, minSeparationUm, minVolumeUm3, maxVolumeUm3, v, segmentationFraction, threads,
                chunkVoxels);
    }

    public DetectionSettings withSegmentationFraction(double f) {
        return new DetectionSettings(cellDiameterUm, threshold, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, f, threads,
                chunkVoxels);
    }

    public DetectionSettings withThreads(int n) {
        return new DetectionSettings(cellDiameterUm, threshold, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction, n,
                chunkVoxels);
    }

    public DetectionSettings withChunkVoxels(int x, int y, int z) {
        return new DetectionSettings(cellDiameterUm, threshold, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction, threads,
                new int[] {x, y, z});
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DetectionSettings s && Double.compare(cellDiameterUm, s.cellDiameterUm) == 0 && threshold.equals(s.threshold)
                && Double.compare(minSeparationUm, s.minSeparationUm) == 0 && Double.compare(minVolumeUm3, s.minVolumeUm3) == 0
                && Double.compare(maxVolumeUm3, s.maxVolumeUm3) == 0 && Double.compare(minPeakAboveBackground, s.minPeakAboveBackground) == 0
                && Double.compare(segmentationFraction, s.segmentationFraction) == 0 && threads == s.threads && Arrays.equals(chunkVoxels, s.chunkVoxels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(new double[] {cellDiameterUm, minSeparationUm, minVolumeUm3, maxVolumeUm3, minPeakAboveBackground, segmentationFraction})
                * 31 + threshold.hashCode() * 17 + threads * 7 + Arrays.hashCode(chunkVoxels);
    }

    @Override
    public String toString() {
        return "DetectionSettings[cellDiameterUm=" + cellDiameterUm + ", threshold=" + threshold + ", separationUm=" + separationUm() + ", volumeUm3="
                + minVolumeUm3 + ".." + maxVolumeUm3 + ", minPeakAboveBackground=" + minPeakAboveBackground + ", segmentationFraction="
                + segmentationFraction + ", threads=" + threads + ", chunkVoxels=" + Arrays.toString(chunkVoxels) + "]";
    }
}
